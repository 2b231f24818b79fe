package dev.latlab.stats;

import java.util.Arrays;
import java.util.Comparator;

/** Rank agreement of two paired samples: Spearman's rho and Kendall's tau-b, both tie-aware. */
public final class RankCorrelation {
  private RankCorrelation() {}

  /**
   * Spearman's rank correlation: Pearson's correlation of the ranks, ties given their mean rank.
   *
   * @param x first sample
   * @param y second sample, paired with {@code x}
   * @return rho in [-1, 1]; NaN if a sample is constant
   * @throws IllegalArgumentException if the lengths differ or there are fewer than 2 pairs
   */
  public static double spearman(double[] x, double[] y) {
    checkPairs(x, y);
    return pearson(ranks(x), ranks(y));
  }

  /**
   * Kendall's tau-b: concordant minus discordant pairs over the geometric mean of the untied pairs
   * of each sample. O(n^2), fine for the few thousand cells of a result set.
   *
   * @param x first sample
   * @param y second sample, paired with {@code x}
   * @return tau-b in [-1, 1]; NaN if a sample is constant
   * @throws IllegalArgumentException if the lengths differ or there are fewer than 2 pairs
   */
  public static double kendall(double[] x, double[] y) {
    checkPairs(x, y);
    long concordant = 0;
    long discordant = 0;
    long tiesX = 0;
    long tiesY = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = i + 1; j < x.length; j++) {
        int sx = Double.compare(x[i], x[j]);
        int sy = Double.compare(y[i], y[j]);
        if (sx == 0 && sy == 0) {
          continue;
        } else if (sx == 0) {
          tiesX++;
        } else if (sy == 0) {
          tiesY++;
        } else if (sx == sy) {
          concordant++;
        } else {
          discordant++;
        }
      }
    }
    double denominator = Math.sqrt((double) (concordant + discordant + tiesX)
        * (concordant + discordant + tiesY));
    return denominator == 0 ? Double.NaN : (concordant - discordant) / denominator;
  }

  /** Ranks 1..n, ties given the mean of the ranks they span. */
  static double[] ranks(double[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
    double[] ranks = new double[values.length];
    for (int start = 0; start < order.length; ) {
      int end = start;
      while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
        end++;
      }
      double mean = (start + end) / 2.0 + 1;
      for (int k = start; k <= end; k++) {
        ranks[order[k]] = mean;
      }
      start = end + 1;
    }
    return ranks;
  }

  private static double pearson(double[] x, double[] y) {
    double mx = Arrays.stream(x).average().orElseThrow();
    double my = Arrays.stream(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }

  private static void checkPairs(double[] x, double[] y) {
    if (x.length != y.length || x.length < 2) {
      throw new IllegalArgumentException(
          "need two paired samples of at least 2 values, got " + x.length + " and " + y.length);
    }
  }
}
