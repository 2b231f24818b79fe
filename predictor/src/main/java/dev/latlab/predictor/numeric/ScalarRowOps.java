package dev.latlab.predictor.numeric;

/** {@link RowOps} in plain Java, for JVMs without {@code jdk.incubator.vector}. */
final class ScalarRowOps implements RowOps {
  @Override
  public void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] += a * x[xOff + i];
    }
  }

  @Override
  public void addProduct(float[] x, int xOff, float[] y, int yOff, float[] acc, int accOff,
      int n) {
    for (int i = 0; i < n; i++) {
      acc[accOff + i] += x[xOff + i] * y[yOff + i];
    }
  }

  @Override
  public float sum(float[] x, int off, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x[off + i];
    }
    return (float) s;
  }

  @Override
  public float sumSquares(float[] x, int off, int n, float shift) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      double d = x[off + i] - shift;
      s += d * d;
    }
    return (float) s;
  }

  @Override
  public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x[xOff + i] * y[yOff + i];
    }
    return (float) s;
  }

  @Override
  public float dot3(float[] x, int xOff, float[] y, int yOff, float[] z, int zOff, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x[xOff + i] * y[yOff + i] * z[zOff + i];
    }
    return (float) s;
  }

  @Override
  public void normalizeAffineRelu(float[] x, int off, int n, float mean, float rstd, float[] w,
      int gain, int bias, float[] out, float scale) {
    for (int i = 0; i < n; i++) {
      float v = (x[off + i] - mean) * rstd;
      x[off + i] = v;
      // max, not a branch: the sign is a coin flip the branch predictor cannot learn.
      out[off + i] = Math.max(w[gain + i] * v + w[bias + i], 0f) * scale;
    }
  }

  @Override
  public void maskByPositive(float[] grad, float[] out, int off, int n, float scale) {
    for (int i = 0; i < n; i++) {
      // out is +0 or positive, so its bits are 0 or positive: a branch-free 0/1.
      int bits = Float.floatToRawIntBits(out[off + i]);
      grad[off + i] *= ((bits | -bits) >>> 31) * scale;
    }
  }

  @Override
  public void layerNormBackward(float[] gradOut, float[] norm, int off, int n, float[] w,
      int gain, float rstd, float meanG, float meanGn, float[] gradIn) {
    for (int i = 0; i < n; i++) {
      gradIn[off + i] =
          rstd * (gradOut[off + i] * w[gain + i] - meanG - norm[off + i] * meanGn);
    }
  }

  @Override
  public void adamW(float[] p, float[] g, float[] m, float[] v, int off, int n, float b1,
      float b2, float decay, float stepSize, float correction2, float eps) {
    for (int i = off; i < off + n; i++) {
      float gi = g[i];
      float mi = b1 * m[i] + (1 - b1) * gi;
      float vi = b2 * v[i] + (1 - b2) * gi * gi;
      m[i] = mi;
      v[i] = vi;
      p[i] = p[i] * decay - stepSize * mi / ((float) Math.sqrt(vi) / correction2 + eps);
    }
  }
}
