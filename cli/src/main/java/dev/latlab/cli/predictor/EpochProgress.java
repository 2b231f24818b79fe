package dev.latlab.cli.predictor;

import dev.latlab.cli.Progress;
import dev.latlab.predictor.latency.TrainingListener;

/**
 * Shows training as a progress bar of epochs: one bar per phase (pretrain, adapt, train), sized
 * to the schedule's maximum; early stopping closes it short.
 */
final class EpochProgress implements TrainingListener, AutoCloseable {
  private final String model;
  private String phase;
  private Progress bar = Progress.NONE;

  EpochProgress(String model) {
    this.model = model;
  }

  @Override
  public void epoch(String phase, int epoch, int maxEpochs, double trainLoss, double validLoss) {
    if (!phase.equals(this.phase)) {
      bar.close();
      this.phase = phase;
      bar = Progress.start(model + " " + phase, maxEpochs);
    }
    bar.step();
  }

  @Override
  public void close() {
    bar.close();
  }
}
