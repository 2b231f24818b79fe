package dev.latlab.predictor.gcn;

import dev.latlab.predictor.optim.CosineAnnealing;
import dev.latlab.predictor.optim.EarlyStopping;
import dev.latlab.predictor.optim.ReduceLrOnPlateau;

/**
 * The epoch loop BRP-NAS runs (eagle {@code predictors.train}): keep the weights of the lowest
 * validation loss; step the plateau schedule and early stopping on it only after epoch 20 (0-based
 * epoch index > 20); cosine annealing steps every epoch.
 */
public final class TrainingLoop {
  /** Epoch index after which the plateau schedule and early stopping start to count. */
  static final int WARMUP_EPOCHS = 20;
  private static final double PLATEAU_FACTOR = 0.5;
  private static final double PLATEAU_THRESHOLD = 0.01;

  /** What the loop trains. */
  public interface Objective {
    /** Runs one epoch of optimiser steps at the given learning rate; returns the mean loss. */
    double trainEpoch(double learningRate);

    /** Returns the loss that selects the weights to keep (lower is better). */
    double validationLoss();
  }

  private TrainingLoop() {}

  /**
   * Trains until the epoch limit or early stopping, then puts the best weights back into {@code
   * params}.
   *
   * @return the number of epochs run
   */
  public static int run(GcnOptions options, float[] params, Objective objective,
      TrainingListener listener) {
    ReduceLrOnPlateau plateau = new ReduceLrOnPlateau(options.learningRate(), PLATEAU_FACTOR,
        options.lrPatience(), PLATEAU_THRESHOLD);
    EarlyStopping stopping = new EarlyStopping(options.esPatience());
    float[] best = params.clone();
    double lowest = Double.POSITIVE_INFINITY;
    int epoch = 0;
    while (epoch < options.epochs()) {
      double lr = options.schedule() == LrSchedule.COSINE
          ? CosineAnnealing.lr(options.learningRate(), epoch, options.epochs())
          : plateau.lr();
      double train = objective.trainEpoch(lr);
      double valid = objective.validationLoss();
      boolean improved = valid < lowest;
      if (improved) {
        lowest = valid;
        System.arraycopy(params, 0, best, 0, params.length);
      }
      if (options.schedule() == LrSchedule.PLATEAU && epoch > WARMUP_EPOCHS) {
        plateau.step(valid);
      }
      listener.onEpoch(new EpochReport(epoch + 1, options.epochs(), train, valid, lr, improved));
      boolean stop = epoch > WARMUP_EPOCHS && stopping.step(valid);
      epoch++;
      if (stop) {
        break;
      }
    }
    System.arraycopy(best, 0, params, 0, params.length);
    return epoch;
  }
}
