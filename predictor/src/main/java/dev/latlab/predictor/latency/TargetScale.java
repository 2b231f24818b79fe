package dev.latlab.predictor.latency;

import dev.latlab.nb201.Arch;
import dev.latlab.predictor.linalg.Ridge;
import dev.latlab.proto.v1.TargetNormalisation;
import java.util.List;

/**
 * How the network models see latencies: {@code y = (ln(ms) - skip(cell) - mean) / std}. In log space
 * an L1 loss weighs relative errors (what "within 10 %" counts) and one scale fits devices 100x
 * apart, which few-shot transfer between devices needs.
 *
 * <p>{@code skip} is an optional linear skip connection: least squares of ln(ms) on the counts of the
 * ops the network computes ({@link CellFeatures#opCounts}), fitted first; the network then learns
 * what that additive model misses. It plays the role of eagle's GCN "augments" (features joined to
 * the graph embedding before the output layer), fitted in stages instead of jointly.
 *
 * @param mean mean of the (residual) log latency over the training cells
 * @param std its standard deviation, at least 1e-6
 * @param skip coefficients over the op counts, then the intercept, in log space, or null
 */
record TargetScale(double mean, double std, double[] skip) {
  /**
   * Fits the scale to training latencies.
   *
   * @param archs the training cells
   * @param ms their latencies in milliseconds
   * @param linearSkip whether to fit the linear skip first
   * @return the scale
   */
  static TargetScale fit(List<Arch> archs, double[] ms, boolean linearSkip) {
    double[] skip = null;
    if (linearSkip && archs.size() > CellFeatures.OP_COUNTS + 1) {
      double[][] x = new double[archs.size()][];
      double[] logs = new double[ms.length];
      for (int i = 0; i < ms.length; i++) {
        x[i] = CellFeatures.opCounts(archs.get(i));
        logs[i] = Math.log(ms[i]);
      }
      skip = Ridge.fit(x, logs, LinearModel.RIDGE);
    }
    double[] r = new double[ms.length];
    double sum = 0;
    for (int i = 0; i < ms.length; i++) {
      r[i] = Math.log(ms[i]) - base(skip, archs.get(i));
      sum += r[i];
    }
    double mean = sum / ms.length;
    double ss = 0;
    for (double v : r) {
      ss += (v - mean) * (v - mean);
    }
    double std = ms.length > 1 ? Math.sqrt(ss / (ms.length - 1)) : 0;
    return new TargetScale(mean, Math.max(std, 1e-6), skip);
  }

  static TargetScale of(TargetNormalisation n) {
    if (!n.getLogSpace() || !(n.getLogStd() > 0)) {
      throw new IllegalArgumentException("the target normalisation is missing");
    }
    double[] skip = n.getLogSkipCount() == 0 ? null
        : n.getLogSkipList().stream().mapToDouble(Double::doubleValue).toArray();
    if (skip != null && skip.length != CellFeatures.OP_COUNTS + 1) {
      throw new IllegalArgumentException("the linear skip has " + skip.length + " coefficients");
    }
    return new TargetScale(n.getLogMean(), n.getLogStd(), skip);
  }

  float[] normalise(List<Arch> archs, double[] ms) {
    float[] y = new float[ms.length];
    for (int i = 0; i < ms.length; i++) {
      y[i] = (float) ((Math.log(ms[i]) - base(skip, archs.get(i)) - mean) / std);
    }
    return y;
  }

  double toMs(Arch arch, double y) {
    return Math.exp(y * std + mean + base(skip, arch));
  }

  TargetNormalisation toProto() {
    TargetNormalisation.Builder b = TargetNormalisation.newBuilder().setLogSpace(true)
        .setLogMean(mean).setLogStd(std);
    if (skip != null) {
      for (double w : skip) {
        b.addLogSkip(w);
      }
    }
    return b.build();
  }

  private static double base(double[] skip, Arch arch) {
    return skip == null ? 0 : Ridge.predict(skip, CellFeatures.opCounts(arch));
  }
}
