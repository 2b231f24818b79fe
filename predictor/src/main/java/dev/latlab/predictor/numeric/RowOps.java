package dev.latlab.predictor.numeric;

/**
 * The row loops of a network layer (accumulations, reductions, the fused LayerNorm and ReLU steps),
 * SIMD when {@code jdk.incubator.vector} is in the boot layer, plain Java otherwise. Each call
 * works on one row, so results never depend on how rows are spread over threads; the two
 * implementations may differ in the last bits.
 */
public interface RowOps {
  /**
   * Returns the fastest implementation this JVM offers.
   *
   * @return SIMD or plain row operations
   */
  static RowOps create() {
    return Sgemm.vectorApiAvailable() ? VectorRowOps.create() : new ScalarRowOps();
  }

  /**
   * Returns the plain-Java implementation.
   *
   * @return plain row operations
   */
  static RowOps plain() {
    return new ScalarRowOps();
  }

  /**
   * {@code y[yOff + i] += a * x[xOff + i]} for {@code i < n}.
   *
   * @param a the factor
   * @param x source
   * @param xOff first source element
   * @param y destination
   * @param yOff first destination element
   * @param n elements
   */
  void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n);

  /**
   * {@code acc[accOff + i] += x[xOff + i] * y[yOff + i]} for {@code i < n}.
   *
   * @param x first factor
   * @param xOff its first element
   * @param y second factor
   * @param yOff its first element
   * @param acc accumulator
   * @param accOff its first element
   * @param n elements
   */
  void addProduct(float[] x, int xOff, float[] y, int yOff, float[] acc, int accOff, int n);

  /**
   * Returns {@code sum_i x[off + i]}.
   *
   * @param x values
   * @param off first element
   * @param n elements
   * @return the sum
   */
  float sum(float[] x, int off, int n);

  /**
   * Returns {@code sum_i (x[off + i] - shift)^2}.
   *
   * @param x values
   * @param off first element
   * @param n elements
   * @param shift subtracted from each element
   * @return the sum of squares
   */
  float sumSquares(float[] x, int off, int n, float shift);

  /**
   * Returns {@code sum_i x[xOff + i] * y[yOff + i]}.
   *
   * @param x first factor
   * @param xOff its first element
   * @param y second factor
   * @param yOff its first element
   * @param n elements
   * @return the dot product
   */
  float dot(float[] x, int xOff, float[] y, int yOff, int n);

  /**
   * Returns {@code sum_i x[xOff + i] * y[yOff + i] * z[zOff + i]}.
   *
   * @param x first factor
   * @param xOff its first element
   * @param y second factor
   * @param yOff its first element
   * @param z third factor
   * @param zOff its first element
   * @param n elements
   * @return the sum
   */
  float dot3(float[] x, int xOff, float[] y, int yOff, float[] z, int zOff, int n);

  /**
   * LayerNorm's output step with ReLU: {@code x := (x - mean) * rstd} in place, then {@code out :=
   * max(gain * x + bias, 0) * scale}.
   *
   * @param x the row, normalised in place
   * @param off first element of the row in {@code x} and {@code out}
   * @param n row length
   * @param mean row mean
   * @param rstd {@code 1 / sqrt(var + eps)}
   * @param w parameter array
   * @param gain offset of the gain in {@code w}
   * @param bias offset of the bias in {@code w}
   * @param out the output row
   * @param scale output factor (dropout's {@code 1 / (1 - rate)})
   */
  void normalizeAffineRelu(float[] x, int off, int n, float mean, float rstd, float[] w, int gain,
      int bias, float[] out, float scale);

  /**
   * {@code grad := out > 0 ? grad * scale : 0}, the gradient through {@code out = relu(y) * scale}
   * (and through dropout, whose zeros are in {@code out}).
   *
   * @param grad the gradient row, in place
   * @param out the forward output row
   * @param off first element of the row in both
   * @param n row length
   * @param scale the forward factor
   */
  void maskByPositive(float[] grad, float[] out, int off, int n, float scale);

  /**
   * LayerNorm's input gradient: {@code gradIn := rstd * (gradOut * gain - meanG - norm * meanGn)}.
   *
   * @param gradOut gradient of the LayerNorm output
   * @param norm the normalised row
   * @param off first element of the row in {@code gradOut}, {@code norm} and {@code gradIn}
   * @param n row length
   * @param w parameter array
   * @param gain offset of the gain in {@code w}
   * @param rstd {@code 1 / sqrt(var + eps)}
   * @param meanG mean of {@code gradOut * gain}
   * @param meanGn mean of {@code gradOut * gain * norm}
   * @param gradIn the input gradient row
   */
  void layerNormBackward(float[] gradOut, float[] norm, int off, int n, float[] w, int gain,
      float rstd, float meanG, float meanGn, float[] gradIn);

  /**
   * One AdamW update of {@code n} parameters from {@code off}, in PyTorch's order: {@code p *=
   * decay; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; p -= stepSize * m / (sqrt(v) /
   * correction2 + eps)}.
   *
   * @param p parameters
   * @param g gradients
   * @param m first moments
   * @param v second moments
   * @param off first element
   * @param n elements
   * @param b1 first-moment decay
   * @param b2 second-moment decay
   * @param decay {@code 1 - lr * weightDecay}
   * @param stepSize {@code lr / (1 - b1^t)}
   * @param correction2 {@code sqrt(1 - b2^t)}
   * @param eps added to the denominator
   */
  void adamW(float[] p, float[] g, float[] m, float[] v, int off, int n, float b1, float b2,
      float decay, float stepSize, float correction2, float eps);
}
