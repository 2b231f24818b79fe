package dev.latlab.predictor.search;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The latency limit of a search and how it is judged: not at all, by a trained predictor alone
 * (unverified), or by measurements on a device (verified). Immutable; each run gets its own
 * measurements and estimator from it.
 */
public final class LatencyLimit {
  private final double ms;
  private final LatencyDevice device;
  private final MeasurementPlan plan;
  private final Supplier<LatencyEstimator> estimators;

  private LatencyLimit(double ms, LatencyDevice device, MeasurementPlan plan,
      Supplier<LatencyEstimator> estimators) {
    this.ms = ms;
    this.device = device;
    this.plan = plan;
    this.estimators = estimators;
  }

  /**
   * Returns "no limit".
   *
   * @return the limit
   */
  public static LatencyLimit none() {
    return new LatencyLimit(Double.NaN, null, null, null);
  }

  /**
   * Returns a limit judged by a trained predictor alone, without verification.
   *
   * @param ms the limit in milliseconds, > 0
   * @param estimator the predictor; shared by the runs, never refitted
   * @return the limit
   * @throws IllegalArgumentException if the limit is not positive
   */
  public static LatencyLimit estimated(double ms, LatencyEstimator estimator) {
    Objects.requireNonNull(estimator, "estimator");
    return new LatencyLimit(positive(ms), null, null, () -> estimator);
  }

  /**
   * Returns a limit verified by measurements on a device.
   *
   * @param ms the limit in milliseconds, > 0
   * @param device where measurements are taken
   * @param plan the measure budget, initial measurements and screening margin
   * @param estimators makes each run a fresh, unfitted estimator
   * @return the limit
   * @throws IllegalArgumentException if the limit is not positive
   */
  public static LatencyLimit measured(double ms, LatencyDevice device, MeasurementPlan plan,
      Supplier<LatencyEstimator> estimators) {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(estimators, "estimators");
    return new LatencyLimit(positive(ms), device, plan, estimators);
  }

  /**
   * Returns the limit.
   *
   * @return milliseconds, NaN for no limit
   */
  public double ms() {
    return ms;
  }

  /**
   * Returns whether there is a limit.
   *
   * @return false for {@link #none()}
   */
  public boolean isSet() {
    return !Double.isNaN(ms);
  }

  /**
   * Returns whether answers are verified by measurement.
   *
   * @return true for {@link #measured}
   */
  public boolean verified() {
    return device != null;
  }

  /**
   * Returns the device measurements come from.
   *
   * @return the device, or null without one
   */
  public LatencyDevice device() {
    return device;
  }

  LatencyGate gate(long seed, Recorder recorder) {
    if (!isSet()) {
      return new NoLimit();
    }
    if (device == null) {
      return new EstimatedLimit(ms, estimators.get());
    }
    return new MeasuredLimit(ms, device, plan, estimators.get(), seed, recorder);
  }

  private static double positive(double ms) {
    if (!(ms > 0) || Double.isInfinite(ms)) {
      throw new IllegalArgumentException("the latency limit must be a positive number: " + ms);
    }
    return ms;
  }
}
