package dev.latlab.predictor.optim;

/**
 * Stops training when a minimised metric has not improved for {@code patience} steps, as BRP-NAS
 * (SamsungLabs/eagle {@code utils.EarlyStopping}, {@code min_delta=0}) does: the first value only
 * sets the reference; a value improves if it is strictly lower than the best; NaN stops at once;
 * patience 0 never stops.
 */
public final class EarlyStopping {
  private final int patience;
  private double best = Double.NaN;
  private int badSteps;

  /**
   * Creates the rule.
   *
   * @param patience steps without improvement before stopping; 0 disables stopping
   * @throws IllegalArgumentException if {@code patience < 0}
   */
  public EarlyStopping(int patience) {
    if (patience < 0) {
      throw new IllegalArgumentException("patience must be >= 0: " + patience);
    }
    this.patience = patience;
  }

  /**
   * Records one value of the metric.
   *
   * @param metric the value, lower is better
   * @return true if training should stop now
   */
  public boolean step(double metric) {
    if (patience == 0) {
      return false;
    }
    if (Double.isNaN(best)) {
      best = metric;
      return false;
    }
    if (Double.isNaN(metric)) {
      return true;
    }
    if (metric < best) {
      best = metric;
      badSteps = 0;
    } else {
      badSteps++;
    }
    return badSteps >= patience;
  }
}
