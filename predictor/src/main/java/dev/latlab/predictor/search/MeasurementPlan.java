package dev.latlab.predictor.search;

/**
 * How a run spends its latency measurements. Immutable.
 *
 * @param budget most measurements per run ({@code --measure-budget}), >= 1
 * @param initial cells measured before the first query to fit the latency estimator, spread over
 *     the op-count features (a D-optimal design); at most half the budget is used for them
 * @param screenMargin an unmeasured cell is queried only if its estimated latency is at most
 *     {@code limit * (1 + screenMargin)}: a margin for the estimator's error, so that cells just
 *     under the limit are not screened out
 */
public record MeasurementPlan(int budget, int initial, double screenMargin) {
  /** Initial measurements if unset: 8 (enough for the 6 weights of the op-count estimator). */
  public static final int DEFAULT_INITIAL = 8;
  /**
   * Screening margin if unset: 10 %, about the relative error of the op-count estimator after a
   * few measurements (mean absolute error 8 to 19 % after 10 over the LatBench devices).
   */
  public static final double DEFAULT_SCREEN_MARGIN = 0.10;

  /**
   * Validates the plan.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public MeasurementPlan {
    if (budget < 1) {
      throw new IllegalArgumentException("the measure budget must be at least 1: " + budget);
    }
    if (initial < 0) {
      throw new IllegalArgumentException("initial measurements must be >= 0: " + initial);
    }
    if (!(screenMargin >= 0) || screenMargin > 10) {
      throw new IllegalArgumentException("the screening margin must be 0..10: " + screenMargin);
    }
  }

  /**
   * Returns a plan with the default initial measurements and margin.
   *
   * @param budget most measurements per run
   * @return the plan
   */
  public static MeasurementPlan withBudget(int budget) {
    return new MeasurementPlan(budget, DEFAULT_INITIAL, DEFAULT_SCREEN_MARGIN);
  }

  /** Returns the initial measurements actually taken: at most half the budget. */
  int initialTaken() {
    return Math.min(initial, budget / 2);
  }
}
