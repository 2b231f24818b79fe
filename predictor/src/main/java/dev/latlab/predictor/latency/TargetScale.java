package dev.latlab.predictor.latency;

import dev.latlab.proto.v1.TargetNormalisation;

/**
 * How the network models see latencies: {@code y = (ln(ms) - mean) / std}. In log space an L1 loss
 * weighs relative errors (what "within 10 %" counts) and one scale fits devices 100x apart, which
 * few-shot transfer between devices needs.
 *
 * @param mean mean of ln(ms) over the training cells
 * @param std standard deviation of ln(ms), at least 1e-6
 */
record TargetScale(double mean, double std) {
  /**
   * Fits the scale to training latencies.
   *
   * @param ms latencies in milliseconds
   * @return the scale
   */
  static TargetScale fit(double[] ms) {
    double sum = 0;
    for (double v : ms) {
      sum += Math.log(v);
    }
    double mean = sum / ms.length;
    double ss = 0;
    for (double v : ms) {
      ss += (Math.log(v) - mean) * (Math.log(v) - mean);
    }
    double std = ms.length > 1 ? Math.sqrt(ss / (ms.length - 1)) : 0;
    return new TargetScale(mean, Math.max(std, 1e-6));
  }

  static TargetScale of(TargetNormalisation n) {
    if (!n.getLogSpace() || !(n.getLogStd() > 0)) {
      throw new IllegalArgumentException("the target normalisation is missing");
    }
    return new TargetScale(n.getLogMean(), n.getLogStd());
  }

  float[] normalise(double[] ms) {
    float[] y = new float[ms.length];
    for (int i = 0; i < ms.length; i++) {
      y[i] = (float) ((Math.log(ms[i]) - mean) / std);
    }
    return y;
  }

  double toMs(double y) {
    return Math.exp(y * std + mean);
  }

  TargetNormalisation toProto() {
    return TargetNormalisation.newBuilder().setLogSpace(true).setLogMean(mean).setLogStd(std)
        .build();
  }
}
