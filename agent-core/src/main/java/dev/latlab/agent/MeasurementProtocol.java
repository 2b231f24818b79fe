package dev.latlab.agent;

import java.util.Locale;

/**
 * How one network is timed. Recorded with every result; {@link #identity()} is part of what makes
 * two datasets comparable.
 *
 * <p>After loading the network into a fresh session and setting an input drawn from {@code
 * inputSeed}, the protocol runs {@code warmupRuns} untimed inferences, and more until {@code
 * warmupNanos} have passed. Then it times rounds of {@code runsPerRound} inferences, pausing {@code
 * pauseNanos} between rounds, each inference timed alone with the monotonic clock. After each round
 * it stops early once at least {@code minRuns} runs are in and the 95 % confidence interval of the
 * median has a relative half-width of at most {@code targetHalfWidth}; it never times more than
 * {@code maxRuns} runs. A {@code targetHalfWidth} of 0 turns adaptive stopping off: exactly {@code
 * maxRuns} runs.
 *
 * @param warmupRuns untimed runs before timing, at least 0
 * @param warmupNanos minimum warm-up time, 0 or more
 * @param runsPerRound runs per round, at least 1
 * @param minRuns runs before adaptive stopping may stop, at least 1
 * @param maxRuns most runs timed, at least {@code minRuns}
 * @param targetHalfWidth relative half-width of the median's 95 % CI to stop at; 0 disables
 * @param pauseNanos pause between rounds, 0 or more
 * @param statistic the statistic reported as the latency
 * @param inputSeed seed of the input values
 * @param weightSeed seed of the network's weights
 */
public record MeasurementProtocol(
    int warmupRuns,
    long warmupNanos,
    int runsPerRound,
    int minRuns,
    int maxRuns,
    double targetHalfWidth,
    long pauseNanos,
    Statistic statistic,
    long inputSeed,
    long weightSeed) {

  /** Validates every field. */
  public MeasurementProtocol {
    check(warmupRuns >= 0, "warmupRuns must be >= 0: " + warmupRuns);
    check(warmupNanos >= 0, "warmup time must be >= 0: " + warmupNanos);
    check(runsPerRound >= 1, "runsPerRound must be >= 1: " + runsPerRound);
    check(minRuns >= 1, "minRuns must be >= 1: " + minRuns);
    check(maxRuns >= minRuns, "maxRuns (" + maxRuns + ") must be >= minRuns (" + minRuns + ")");
    check(targetHalfWidth >= 0 && targetHalfWidth < 1,
        "targetHalfWidth must be in [0, 1): " + targetHalfWidth);
    check(pauseNanos >= 0, "pause must be >= 0: " + pauseNanos);
    check(statistic != null, "statistic is required");
  }

  /**
   * Returns LatLab's default protocol: 10 warm-up runs and at least 0.2 s of warm-up, rounds of 10
   * runs, adaptive stopping at a 1 % half-width between 30 and 300 runs, no pause, the median.
   *
   * @return the default protocol
   */
  public static MeasurementProtocol defaults() {
    return builder().build();
  }

  /**
   * Returns LatBench's fixed protocol: 100 rounds of 10 runs, no adaptive stopping, LatBench's
   * statistic.
   *
   * @return the fixed protocol
   */
  public static MeasurementProtocol latbenchFixed() {
    return builder().fixed(100, 10).statistic(Statistic.LATBENCH).build();
  }

  /**
   * Returns a builder with the defaults of {@link #defaults()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns whether adaptive stopping is on.
   *
   * @return true if {@code targetHalfWidth > 0}
   */
  public boolean adaptive() {
    return targetHalfWidth > 0;
  }

  /**
   * Returns a stable one-line description of every field, e.g. {@code warmup=10+0.200s round=10
   * runs=30..300 ci=1.0% pause=0ms stat=median input-seed=0 weight-seed=0}.
   *
   * @return the identity
   */
  public String identity() {
    String runs = adaptive() ? minRuns + ".." + maxRuns : Integer.toString(maxRuns);
    String ci = adaptive() ? String.format(Locale.ROOT, "%.2f%%", targetHalfWidth * 100) : "off";
    return String.format(Locale.ROOT,
        "warmup=%d+%.3fs round=%d runs=%s ci=%s pause=%dms stat=%s input-seed=%d weight-seed=%d",
        warmupRuns, warmupNanos / 1e9, runsPerRound, runs, ci, pauseNanos / 1_000_000,
        statistic.cliName(), inputSeed, weightSeed);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Builds a {@link MeasurementProtocol}; values are validated by {@link #build()}. */
  public static final class Builder {
    private int warmupRuns = 10;
    private long warmupNanos = 200_000_000L;
    private int runsPerRound = 10;
    private int minRuns = 30;
    private int maxRuns = 300;
    private double targetHalfWidth = 0.01;
    private long pauseNanos;
    private Statistic statistic = Statistic.MEDIAN;
    private long inputSeed;
    private long weightSeed;

    private Builder() {}

    /**
     * Untimed runs before timing. If unset, defaults to 10.
     *
     * @param runs 0 or more
     * @return this
     */
    public Builder warmupRuns(int runs) {
      this.warmupRuns = runs;
      return this;
    }

    /**
     * Minimum warm-up time; warm-up continues past {@code warmupRuns} until it has passed. If unset,
     * defaults to 0.2 s.
     *
     * @param nanos 0 or more
     * @return this
     */
    public Builder warmupNanos(long nanos) {
      this.warmupNanos = nanos;
      return this;
    }

    /**
     * Runs per round. If unset, defaults to 10.
     *
     * @param runs 1 or more
     * @return this
     */
    public Builder runsPerRound(int runs) {
      this.runsPerRound = runs;
      return this;
    }

    /**
     * Adaptive stopping between {@code min} and {@code max} runs at the given CI half-width. If
     * unset, defaults to 30..300 runs at 1 %.
     *
     * @param min runs before stopping may happen
     * @param max most runs
     * @param halfWidth relative half-width of the median's 95 % CI, e.g. 0.01
     * @return this
     */
    public Builder adaptive(int min, int max, double halfWidth) {
      this.minRuns = min;
      this.maxRuns = max;
      this.targetHalfWidth = halfWidth;
      return this;
    }

    /**
     * A fixed protocol of {@code rounds} rounds of {@code runs} runs, adaptive stopping off.
     *
     * @param rounds rounds
     * @param runs runs per round
     * @return this
     */
    public Builder fixed(int rounds, int runs) {
      this.runsPerRound = runs;
      this.minRuns = rounds * runs;
      this.maxRuns = rounds * runs;
      this.targetHalfWidth = 0;
      return this;
    }

    /**
     * Pause between rounds. If unset, defaults to 0.
     *
     * @param nanos 0 or more
     * @return this
     */
    public Builder pauseNanos(long nanos) {
      this.pauseNanos = nanos;
      return this;
    }

    /**
     * The statistic reported as the latency. If unset, defaults to the median.
     *
     * @param statistic the statistic
     * @return this
     */
    public Builder statistic(Statistic statistic) {
      this.statistic = statistic;
      return this;
    }

    /**
     * Seed of the input values. If unset, defaults to 0.
     *
     * @param seed the seed
     * @return this
     */
    public Builder inputSeed(long seed) {
      this.inputSeed = seed;
      return this;
    }

    /**
     * Seed of the network's weights. If unset, defaults to 0.
     *
     * @param seed the seed
     * @return this
     */
    public Builder weightSeed(long seed) {
      this.weightSeed = seed;
      return this;
    }

    /**
     * Returns the protocol.
     *
     * @return the protocol
     * @throws IllegalArgumentException naming the field if a value is invalid
     */
    public MeasurementProtocol build() {
      return new MeasurementProtocol(warmupRuns, warmupNanos, runsPerRound, minRuns, maxRuns,
          targetHalfWidth, pauseNanos, statistic, inputSeed, weightSeed);
    }
  }
}
