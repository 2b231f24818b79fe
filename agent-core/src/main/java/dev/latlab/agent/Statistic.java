package dev.latlab.agent;

import java.util.Locale;

/** Which statistic of the samples a dataset uses as "the" latency of a network. */
public enum Statistic {
  /** The median of all timed runs: robust to outliers; LatLab's default. */
  MEDIAN,
  /** The arithmetic mean of all timed runs. */
  MEAN,
  /** The fastest run. */
  MIN,
  /**
   * LatBench's statistic: the interquartile mean within each round, then the interquartile mean of
   * the round values (see {@link LatencyStatistics#latbenchMillis()}).
   */
  LATBENCH;

  /**
   * Returns this statistic's value in a set of statistics.
   *
   * @param stats the statistics
   * @return milliseconds
   */
  public double of(LatencyStatistics stats) {
    return switch (this) {
      case MEDIAN -> stats.medianMillis();
      case MEAN -> stats.meanMillis();
      case MIN -> stats.minMillis();
      case LATBENCH -> stats.latbenchMillis();
    };
  }

  /**
   * Returns the name used on the command line.
   *
   * @return e.g. {@code latbench}
   */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the statistic with the given command-line name.
   *
   * @param name e.g. {@code median}
   * @return the statistic
   * @throws IllegalArgumentException listing the valid names otherwise
   */
  public static Statistic fromCliName(String name) {
    for (Statistic s : values()) {
      if (s.cliName().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown statistic '" + name + "': expected median, mean, min or latbench");
  }
}
