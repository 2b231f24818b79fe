package dev.latlab.predictor.latency;

/** Hears about training progress, e.g. to move a progress bar. Called on the training thread. */
@FunctionalInterface
public interface TrainingListener {
  /** A listener that ignores everything. */
  TrainingListener NONE = (phase, epoch, maxEpochs, trainLoss, validLoss) -> { };

  /**
   * One epoch finished.
   *
   * @param phase {@code train}, or {@code pretrain} / {@code adapt} in few-shot transfer
   * @param epoch 1-based
   * @param maxEpochs the schedule's maximum (early stopping may end sooner)
   * @param trainLoss mean training loss of the epoch
   * @param validLoss validation loss, NaN when there is no validation set
   */
  void epoch(String phase, int epoch, int maxEpochs, double trainLoss, double validLoss);
}
