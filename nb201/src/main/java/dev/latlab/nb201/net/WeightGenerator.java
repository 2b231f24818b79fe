package dev.latlab.nb201.net;

import java.util.SplittableRandom;

/**
 * Draws realistic, non-zero weights from a seed: He-uniform convolutions, BatchNorm statistics near
 * those of a trained network (folded into the convolution), PyTorch's default classifier init. The
 * same seed and the same sequence of requests give the same weights on every platform.
 */
final class WeightGenerator {
  private static final double BN_EPS = 1e-5;

  private final SplittableRandom random;

  WeightGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A folded ReLU-Conv-BN (or Conv-BN) convolution: OIHW weights and a bias per output channel. */
  float[][] foldedConv(int out, int in, int kernel) {
    float[] weights = heUniform(out, in, kernel);
    float[] bias = new float[out];
    int perChannel = in * kernel * kernel;
    for (int o = 0; o < out; o++) {
      double gamma = uniform(0.8, 1.2);
      double beta = uniform(-0.2, 0.2);
      double mean = uniform(-0.2, 0.2);
      double var = uniform(0.8, 1.2);
      double scale = gamma / Math.sqrt(var + BN_EPS);
      for (int i = o * perChannel; i < (o + 1) * perChannel; i++) {
        weights[i] = (float) (weights[i] * scale);
      }
      bias[o] = (float) (beta - mean * scale);
    }
    return new float[][] {weights, bias};
  }

  /** A plain convolution without BatchNorm or bias (the reduction block's 1x1 shortcut). */
  float[][] plainConv(int out, int in, int kernel) {
    return new float[][] {heUniform(out, in, kernel), new float[out]};
  }

  /** An inference-mode BatchNorm as a per-channel scale and shift. */
  float[][] batchNorm(int channels) {
    float[] scale = new float[channels];
    float[] shift = new float[channels];
    for (int c = 0; c < channels; c++) {
      double s = uniform(0.8, 1.2) / Math.sqrt(uniform(0.8, 1.2) + BN_EPS);
      scale[c] = (float) s;
      shift[c] = (float) (uniform(-0.2, 0.2) - uniform(-0.2, 0.2) * s);
    }
    return new float[][] {scale, shift};
  }

  /** A linear layer with PyTorch's default bounds, 1/sqrt(in) for weights and bias. */
  float[][] dense(int out, int in) {
    double bound = 1 / Math.sqrt(in);
    return new float[][] {uniformArray(out * in, bound), uniformArray(out, bound)};
  }

  private float[] heUniform(int out, int in, int kernel) {
    return uniformArray(out * in * kernel * kernel, Math.sqrt(6.0 / (in * kernel * kernel)));
  }

  private float[] uniformArray(int n, double bound) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) uniform(-bound, bound);
    }
    return values;
  }

  private double uniform(double low, double high) {
    return low + (high - low) * random.nextDouble();
  }
}
