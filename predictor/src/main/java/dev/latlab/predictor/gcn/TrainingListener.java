package dev.latlab.predictor.gcn;

/** Told about every finished epoch, e.g. to drive a progress bar. Called on the training thread. */
@FunctionalInterface
public interface TrainingListener {
  /** A listener that ignores every epoch. */
  TrainingListener NONE = report -> {};

  /**
   * Called after each epoch.
   *
   * @param report the epoch's figures
   */
  void onEpoch(EpochReport report);
}
