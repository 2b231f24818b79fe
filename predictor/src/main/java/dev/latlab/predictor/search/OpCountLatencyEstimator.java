package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.Op;
import dev.latlab.predictor.linalg.Ridge;
import java.util.Arrays;
import java.util.List;

/**
 * A latency model for a few measurements: latency is linear in what the network computes, i.e.
 * the counts of active {@code skip_connect}, {@code nor_conv_1x1}, {@code nor_conv_3x3} and
 * {@code avg_pool_3x3} edges and of additions per cell, plus a constant (stem, reductions,
 * classifier). Ridge regression in milliseconds, lambda 0.01; from 10 measurements on, refined
 * by Huber-weighted least squares (5 reweighting steps) so that an outlier does not bend it.
 *
 * <p>Why this model: the 15 cells of a network repeat one cell, so on any device its latency is a
 * sum of per-op costs. Fitted to 10 random LatBench cells of each of the four devices of
 * {@code latbench_dev.csv}, it ranks all cells with Spearman 0.87 to 0.98 (per-edge one-hot
 * features: 0.2 to 0.3; log space: slightly worse), see docs/search.md.
 */
public final class OpCountLatencyEstimator implements LatencyEstimator {
  private static final double LAMBDA = 1e-2;
  /** Below this many measurements every one counts fully: too few to tell an outlier. */
  private static final int ROBUST_MIN_SAMPLES = 10;
  private static final int HUBER_ITERATIONS = 5;
  private static final double HUBER_K = 1.345;
  private static final Op[] COUNTED =
      {Op.SKIP_CONNECT, Op.NOR_CONV_1X1, Op.NOR_CONV_3X3, Op.AVG_POOL_3X3};
  private static final double[][] FEATURES = allFeatures();

  private double[] weights;

  /** Creates an unfitted estimator. */
  public OpCountLatencyEstimator() {}

  @Override
  public void fit(List<Arch> archs, double[] ms, long seed) {
    if (archs.size() != ms.length) {
      throw new IllegalArgumentException(archs.size() + " cells but " + ms.length + " latencies");
    }
    if (archs.isEmpty()) {
      throw new IllegalArgumentException("nothing to fit: no measured cell");
    }
    double[][] x = archs.stream().map(a -> FEATURES[a.index()]).toArray(double[][]::new);
    weights = Ridge.fit(x, ms, LAMBDA);
    if (archs.size() >= ROBUST_MIN_SAMPLES) {
      for (int i = 0; i < HUBER_ITERATIONS; i++) {
        weights = Ridge.fit(x, ms, huberWeights(x, ms), LAMBDA);
      }
    }
  }

  /**
   * Huber weights of the current fit's residuals (scale: 1.4826 x their median absolute value),
   * so that one disturbed measurement (a busy device) does not bend the whole model.
   */
  private double[] huberWeights(double[][] x, double[] ms) {
    double[] residual = new double[ms.length];
    for (int i = 0; i < ms.length; i++) {
      residual[i] = Math.abs(ms[i] - Ridge.predict(weights, x[i]));
    }
    double[] sorted = residual.clone();
    Arrays.sort(sorted);
    double scale = 1.4826 * sorted[sorted.length / 2];
    double[] w = new double[ms.length];
    for (int i = 0; i < ms.length; i++) {
      double cut = HUBER_K * scale;
      w[i] = residual[i] <= cut || scale == 0 ? 1 : cut / residual[i];
    }
    return w;
  }

  @Override
  public double predictMs(Arch arch) {
    if (weights == null) {
      throw new IllegalStateException("the latency estimator has not been fitted");
    }
    return Ridge.predict(weights, FEATURES[arch.index()]);
  }

  // Visible for testing.
  static double[] features(Arch arch) {
    Op[] active = ActiveOps.of(arch);
    double[] f = new double[COUNTED.length + 1];
    for (Op op : active) {
      for (int k = 0; k < COUNTED.length; k++) {
        f[k] += op == COUNTED[k] ? 1 : 0;
      }
    }
    f[COUNTED.length] = ActiveOps.additions(active);
    return f;
  }

  private static double[][] allFeatures() {
    double[][] all = new double[Arch.COUNT][];
    for (Arch arch : Arch.all()) {
      all[arch.index()] = features(arch);
    }
    return all;
  }
}
