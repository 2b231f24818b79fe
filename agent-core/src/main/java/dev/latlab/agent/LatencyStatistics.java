package dev.latlab.agent;

import java.util.Arrays;

/**
 * Summary statistics of the timed runs of one network, in milliseconds. Immutable.
 *
 * <p>Percentiles interpolate linearly between order statistics (NumPy's default), so that {@link
 * #latbenchMillis()} equals what LatBench's {@code calc_stats} computes from the same samples.
 *
 * @param n number of timed runs
 * @param medianMillis median
 * @param meanMillis arithmetic mean
 * @param stdMillis sample standard deviation (n - 1), 0 for one run
 * @param minMillis fastest run
 * @param maxMillis slowest run
 * @param p10Millis 10th percentile
 * @param p90Millis 90th percentile
 * @param madMillis median absolute deviation from the median (unscaled)
 * @param latbenchMillis LatBench's statistic: per round, the mean of the runs within [q25, q75] of
 *     that round; then the mean of the round values within [q25, q75] of those values (the median
 *     where that range holds no value, e.g. two rounds)
 * @param medianCiHalfWidth half-width of the distribution-free 95 % confidence interval of the
 *     median, relative to the median (0.01 = 1 %)
 */
public record LatencyStatistics(
    int n,
    double medianMillis,
    double meanMillis,
    double stdMillis,
    double minMillis,
    double maxMillis,
    double p10Millis,
    double p90Millis,
    double madMillis,
    double latbenchMillis,
    double medianCiHalfWidth) {

  private static final double Z95 = 1.959963984540054;
  private static final double NANOS_PER_MILLI = 1e6;

  /**
   * Computes the statistics of runs timed in rounds.
   *
   * @param rounds per round, the run times in nanoseconds; at least one run in all
   * @return the statistics
   * @throws IllegalArgumentException if there is no run
   */
  public static LatencyStatistics of(long[][] rounds) {
    double[] all = Arrays.stream(rounds).flatMapToLong(Arrays::stream)
        .mapToDouble(v -> v / NANOS_PER_MILLI).sorted().toArray();
    if (all.length == 0) {
      throw new IllegalArgumentException("no timed run");
    }
    double median = percentile(all, 50);
    return new LatencyStatistics(all.length, median, mean(all), std(all), all[0],
        all[all.length - 1], percentile(all, 10), percentile(all, 90), mad(all, median),
        latbench(rounds), medianCiHalfWidth(all, median));
  }

  /**
   * LatBench's statistic over rounds of run times.
   *
   * @param rounds per round, run times in nanoseconds; empty rounds are ignored
   * @return milliseconds
   */
  static double latbench(long[][] rounds) {
    double[] roundValues = Arrays.stream(rounds).filter(r -> r.length > 0)
        .mapToDouble(r -> interquartileMean(
            Arrays.stream(r).mapToDouble(v -> v / NANOS_PER_MILLI).sorted().toArray()))
        .sorted().toArray();
    return interquartileMean(roundValues);
  }

  /**
   * Mean of the sorted values within [q25, q75], both ends included (LatBench's filter). With two
   * distinct values nothing lies in between, where NumPy would give NaN; the median is returned
   * instead, so that short protocols still get a number.
   */
  static double interquartileMean(double[] sorted) {
    double q25 = percentile(sorted, 25);
    double q75 = percentile(sorted, 75);
    return Arrays.stream(sorted).filter(v -> v >= q25 && v <= q75).average()
        .orElse(percentile(sorted, 50));
  }

  /**
   * Returns NumPy's default ("linear") percentile of sorted values.
   *
   * @param sorted values in ascending order, at least one
   * @param p the percentile, 0..100
   * @return the interpolated value
   */
  public static double percentile(double[] sorted, double p) {
    double pos = p / 100 * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * Relative half-width of the distribution-free 95 % CI of the median: the order statistics of
   * ranks {@code n/2 - z sqrt(n)/2} and {@code 1 + n/2 + z sqrt(n)/2} (1-based, clamped).
   */
  static double medianCiHalfWidth(double[] sorted, double median) {
    int n = sorted.length;
    double spread = Z95 * Math.sqrt(n) / 2;
    int lower = Math.max(1, (int) Math.floor(n / 2.0 - spread));
    int upper = Math.min(n, (int) Math.ceil(1 + n / 2.0 + spread));
    return (sorted[upper - 1] - sorted[lower - 1]) / 2 / median;
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElseThrow();
  }

  private static double std(double[] v) {
    if (v.length < 2) {
      return 0;
    }
    double mean = mean(v);
    double ss = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
    return Math.sqrt(ss / (v.length - 1));
  }

  private static double mad(double[] v, double median) {
    double[] dev = Arrays.stream(v).map(x -> Math.abs(x - median)).sorted().toArray();
    return percentile(dev, 50);
  }
}
