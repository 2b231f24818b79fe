package dev.latlab.predictor.numeric;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowOps} with {@code jdk.incubator.vector}: full vectors, then a scalar tail. Reductions
 * keep two vector accumulators and combine them in a fixed order. Only {@link RowOps#create()}
 * refers to this class, after checking that the module is present.
 */
final class VectorRowOps implements RowOps {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private VectorRowOps() {}

  /**
   * Creates the operations. Typed by the interface, so that callers do not make the verifier load
   * this class.
   *
   * @return the operations
   */
  static RowOps create() {
    return new VectorRowOps();
  }

  @Override
  public void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n) {
    int i = 0;
    FloatVector av = FloatVector.broadcast(S, a);
    for (; i + L <= n; i += L) {
      FloatVector.fromArray(S, x, xOff + i).fma(av, FloatVector.fromArray(S, y, yOff + i))
          .intoArray(y, yOff + i);
    }
    for (; i < n; i++) {
      y[yOff + i] = Math.fma(x[xOff + i], a, y[yOff + i]);
    }
  }

  @Override
  public void addProduct(float[] x, int xOff, float[] y, int yOff, float[] acc, int accOff,
      int n) {
    int i = 0;
    for (; i + L <= n; i += L) {
      FloatVector.fromArray(S, x, xOff + i)
          .fma(FloatVector.fromArray(S, y, yOff + i), FloatVector.fromArray(S, acc, accOff + i))
          .intoArray(acc, accOff + i);
    }
    for (; i < n; i++) {
      acc[accOff + i] = Math.fma(x[xOff + i], y[yOff + i], acc[accOff + i]);
    }
  }

  @Override
  public float sum(float[] x, int off, int n) {
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = s0;
    int i = 0;
    for (; i + 2 * L <= n; i += 2 * L) {
      s0 = s0.add(FloatVector.fromArray(S, x, off + i));
      s1 = s1.add(FloatVector.fromArray(S, x, off + i + L));
    }
    for (; i + L <= n; i += L) {
      s0 = s0.add(FloatVector.fromArray(S, x, off + i));
    }
    float s = s0.add(s1).reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      s += x[off + i];
    }
    return s;
  }

  @Override
  public float sumSquares(float[] x, int off, int n, float shift) {
    FloatVector m = FloatVector.broadcast(S, shift);
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = s0;
    int i = 0;
    for (; i + 2 * L <= n; i += 2 * L) {
      FloatVector d0 = FloatVector.fromArray(S, x, off + i).sub(m);
      FloatVector d1 = FloatVector.fromArray(S, x, off + i + L).sub(m);
      s0 = d0.fma(d0, s0);
      s1 = d1.fma(d1, s1);
    }
    for (; i + L <= n; i += L) {
      FloatVector d0 = FloatVector.fromArray(S, x, off + i).sub(m);
      s0 = d0.fma(d0, s0);
    }
    float s = s0.add(s1).reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      float d = x[off + i] - shift;
      s += d * d;
    }
    return s;
  }

  @Override
  public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = s0;
    int i = 0;
    for (; i + 2 * L <= n; i += 2 * L) {
      s0 = FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.fromArray(S, y, yOff + i), s0);
      s1 = FloatVector.fromArray(S, x, xOff + i + L)
          .fma(FloatVector.fromArray(S, y, yOff + i + L), s1);
    }
    for (; i + L <= n; i += L) {
      s0 = FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.fromArray(S, y, yOff + i), s0);
    }
    float s = s0.add(s1).reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      s += x[xOff + i] * y[yOff + i];
    }
    return s;
  }

  @Override
  public float dot3(float[] x, int xOff, float[] y, int yOff, float[] z, int zOff, int n) {
    FloatVector s0 = FloatVector.zero(S);
    int i = 0;
    for (; i + L <= n; i += L) {
      FloatVector xy = FloatVector.fromArray(S, x, xOff + i)
          .mul(FloatVector.fromArray(S, y, yOff + i));
      s0 = xy.fma(FloatVector.fromArray(S, z, zOff + i), s0);
    }
    float s = s0.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      s += x[xOff + i] * y[yOff + i] * z[zOff + i];
    }
    return s;
  }

  @Override
  public void normalizeAffineRelu(float[] x, int off, int n, float mean, float rstd, float[] w,
      int gain, int bias, float[] out, float scale) {
    FloatVector m = FloatVector.broadcast(S, mean);
    FloatVector r = FloatVector.broadcast(S, rstd);
    FloatVector sc = FloatVector.broadcast(S, scale);
    FloatVector zero = FloatVector.zero(S);
    int i = 0;
    for (; i + L <= n; i += L) {
      FloatVector v = FloatVector.fromArray(S, x, off + i).sub(m).mul(r);
      v.intoArray(x, off + i);
      v.fma(FloatVector.fromArray(S, w, gain + i), FloatVector.fromArray(S, w, bias + i))
          .max(zero).mul(sc).intoArray(out, off + i);
    }
    for (; i < n; i++) {
      float v = (x[off + i] - mean) * rstd;
      x[off + i] = v;
      out[off + i] = Math.max(Math.fma(v, w[gain + i], w[bias + i]), 0f) * scale;
    }
  }

  @Override
  public void maskByPositive(float[] grad, float[] out, int off, int n, float scale) {
    FloatVector sc = FloatVector.broadcast(S, scale);
    FloatVector zero = FloatVector.zero(S);
    int i = 0;
    for (; i + L <= n; i += L) {
      FloatVector o = FloatVector.fromArray(S, out, off + i);
      FloatVector g = FloatVector.fromArray(S, grad, off + i).mul(sc);
      zero.blend(g, o.compare(VectorOperators.GT, 0f)).intoArray(grad, off + i);
    }
    for (; i < n; i++) {
      grad[off + i] = out[off + i] > 0 ? grad[off + i] * scale : 0f;
    }
  }

  @Override
  public void layerNormBackward(float[] gradOut, float[] norm, int off, int n, float[] w,
      int gain, float rstd, float meanG, float meanGn, float[] gradIn) {
    FloatVector r = FloatVector.broadcast(S, rstd);
    FloatVector mg = FloatVector.broadcast(S, meanG);
    FloatVector mgn = FloatVector.broadcast(S, meanGn);
    int i = 0;
    for (; i + L <= n; i += L) {
      FloatVector g = FloatVector.fromArray(S, gradOut, off + i)
          .mul(FloatVector.fromArray(S, w, gain + i));
      g.sub(mg).sub(FloatVector.fromArray(S, norm, off + i).mul(mgn)).mul(r)
          .intoArray(gradIn, off + i);
    }
    for (; i < n; i++) {
      gradIn[off + i] =
          rstd * (gradOut[off + i] * w[gain + i] - meanG - norm[off + i] * meanGn);
    }
  }

  @Override
  public void adamW(float[] p, float[] g, float[] m, float[] v, int off, int n, float b1,
      float b2, float decay, float stepSize, float correction2, float eps) {
    FloatVector vb1 = FloatVector.broadcast(S, b1);
    FloatVector vb1c = FloatVector.broadcast(S, 1 - b1);
    FloatVector vb2 = FloatVector.broadcast(S, b2);
    FloatVector vb2c = FloatVector.broadcast(S, 1 - b2);
    FloatVector vdecay = FloatVector.broadcast(S, decay);
    FloatVector vstep = FloatVector.broadcast(S, stepSize);
    FloatVector vcorr = FloatVector.broadcast(S, correction2);
    FloatVector veps = FloatVector.broadcast(S, eps);
    int i = off;
    for (; i + L <= off + n; i += L) {
      FloatVector gi = FloatVector.fromArray(S, g, i);
      FloatVector mi = FloatVector.fromArray(S, m, i).mul(vb1).add(gi.mul(vb1c));
      FloatVector vi = FloatVector.fromArray(S, v, i).mul(vb2).add(gi.mul(gi).mul(vb2c));
      mi.intoArray(m, i);
      vi.intoArray(v, i);
      FloatVector denom = vi.sqrt().div(vcorr).add(veps);
      FloatVector.fromArray(S, p, i).mul(vdecay).sub(vstep.mul(mi).div(denom)).intoArray(p, i);
    }
    for (; i < off + n; i++) {
      float gi = g[i];
      float mi = b1 * m[i] + (1 - b1) * gi;
      float vi = b2 * v[i] + (1 - b2) * gi * gi;
      m[i] = mi;
      v[i] = vi;
      p[i] = p[i] * decay - stepSize * mi / ((float) Math.sqrt(vi) / correction2 + eps);
    }
  }
}
