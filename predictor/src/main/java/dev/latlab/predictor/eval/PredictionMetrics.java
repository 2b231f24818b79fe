package dev.latlab.predictor.eval;

import dev.latlab.stats.RankCorrelation;

/**
 * How well predicted latencies match measured ones, in BRP-NAS's terms (share of cells within
 * +-1/5/10 % of the measured value) plus rank agreement and error sizes.
 *
 * @param n cells compared
 * @param within1pct share with |predicted - measured| <= 0.01 * measured
 * @param within5pct the same at 5 %
 * @param within10pct the same at 10 %
 * @param spearman Spearman's rho of predicted vs measured
 * @param kendall Kendall's tau-b
 * @param mape mean absolute percentage error, in percent
 * @param rmseMs root mean squared error in milliseconds
 */
public record PredictionMetrics(int n, double within1pct, double within5pct, double within10pct,
    double spearman, double kendall, double mape, double rmseMs) {

  /**
   * Compares predictions with measurements.
   *
   * @param predicted predicted ms
   * @param measured measured ms, paired, all positive
   * @return the metrics
   * @throws IllegalArgumentException if the lengths differ or fewer than 2 cells are given
   */
  public static PredictionMetrics of(double[] predicted, double[] measured) {
    if (predicted.length != measured.length || predicted.length < 2) {
      throw new IllegalArgumentException("need at least 2 paired values, got " + predicted.length
          + " and " + measured.length);
    }
    int n = measured.length;
    int w1 = 0;
    int w5 = 0;
    int w10 = 0;
    double ape = 0;
    double se = 0;
    for (int i = 0; i < n; i++) {
      double error = Math.abs(predicted[i] - measured[i]);
      double relative = error / measured[i];
      w1 += relative <= 0.01 ? 1 : 0;
      w5 += relative <= 0.05 ? 1 : 0;
      w10 += relative <= 0.10 ? 1 : 0;
      ape += relative;
      se += error * error;
    }
    return new PredictionMetrics(n, (double) w1 / n, (double) w5 / n, (double) w10 / n,
        RankCorrelation.spearman(predicted, measured), RankCorrelation.kendall(predicted, measured),
        100 * ape / n, Math.sqrt(se / n));
  }
}
