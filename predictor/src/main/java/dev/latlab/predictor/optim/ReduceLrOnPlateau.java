package dev.latlab.predictor.optim;

/**
 * Halves (by {@code factor}) the learning rate when a minimised metric stops improving, as {@code
 * torch.optim.lr_scheduler.ReduceLROnPlateau(mode="min", threshold_mode="rel", cooldown=0,
 * min_lr=0)} does: a value improves if it is below {@code best * (1 - threshold)}; after more than
 * {@code patience} steps without improvement the rate is multiplied by {@code factor} and the count
 * restarts.
 */
public final class ReduceLrOnPlateau {
  private static final double MIN_CHANGE = 1e-8;

  private final double factor;
  private final int patience;
  private final double threshold;
  private double lr;
  private double best = Double.POSITIVE_INFINITY;
  private int badSteps;

  /**
   * Creates the schedule.
   *
   * @param initialLr the starting learning rate, > 0
   * @param factor multiplier on a plateau, in (0, 1)
   * @param patience steps without improvement tolerated, >= 0
   * @param threshold relative improvement that counts, >= 0
   * @throws IllegalArgumentException if an argument is out of range
   */
  public ReduceLrOnPlateau(double initialLr, double factor, int patience, double threshold) {
    if (!(initialLr > 0) || !(factor > 0 && factor < 1) || patience < 0 || !(threshold >= 0)) {
      throw new IllegalArgumentException("bad plateau schedule: lr " + initialLr + ", factor "
          + factor + ", patience " + patience + ", threshold " + threshold);
    }
    this.lr = initialLr;
    this.factor = factor;
    this.patience = patience;
    this.threshold = threshold;
  }

  /**
   * Returns the current learning rate.
   *
   * @return the rate
   */
  public double lr() {
    return lr;
  }

  /**
   * Records one value of the metric and lowers the rate if it has plateaued.
   *
   * @param metric the value, lower is better
   * @return the learning rate to use from now on
   */
  public double step(double metric) {
    if (metric < best * (1 - threshold)) {
      best = metric;
      badSteps = 0;
    } else {
      badSteps++;
    }
    if (badSteps > patience) {
      double lowered = lr * factor;
      if (lr - lowered > MIN_CHANGE) {
        lr = lowered;
      }
      badSteps = 0;
    }
    return lr;
  }
}
