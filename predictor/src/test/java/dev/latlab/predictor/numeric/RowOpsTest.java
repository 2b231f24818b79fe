package dev.latlab.predictor.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The SIMD and plain row operations against each other and a double reference, odd lengths. */
class RowOpsTest {
  private static final int[] LENGTHS = {1, 7, 16, 37, 600, 613};
  private final RowOps simd = RowOps.create();
  private final RowOps plain = RowOps.plain();

  private static float[] random(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) r.nextDouble(-1, 1);
    }
    return x;
  }

  @Test
  void create_withVectorModule_isSimd() {
    assertThat(simd.getClass().getSimpleName()).isEqualTo("VectorRowOps");
  }

  @Test
  void reductions_matchDoubleReference() {
    for (int n : LENGTHS) {
      float[] x = random(n + 3, n);
      float[] y = random(n + 5, n + 1);
      float[] z = random(n + 2, n + 2);
      double sum = 0;
      double squares = 0;
      double dot = 0;
      double dot3 = 0;
      for (int i = 0; i < n; i++) {
        sum += x[3 + i];
        squares += (x[3 + i] - 0.25) * (x[3 + i] - 0.25);
        dot += (double) x[3 + i] * y[5 + i];
        dot3 += (double) x[3 + i] * y[5 + i] * z[2 + i];
      }
      for (RowOps ops : new RowOps[] {simd, plain}) {
        double tol = 1e-5 * n;
        assertThat((double) ops.sum(x, 3, n)).isCloseTo(sum, within(tol));
        assertThat((double) ops.sumSquares(x, 3, n, 0.25f)).isCloseTo(squares, within(tol));
        assertThat((double) ops.dot(x, 3, y, 5, n)).isCloseTo(dot, within(tol));
        assertThat((double) ops.dot3(x, 3, y, 5, z, 2, n)).isCloseTo(dot3, within(tol));
      }
    }
  }

  @Test
  void elementwise_simdMatchesPlain() {
    for (int n : LENGTHS) {
      float[] w = random(2 * n, 9);
      float[] moments = random(n + 1, 5);
      for (int i = 0; i < moments.length; i++) {
        moments[i] = Math.abs(moments[i]); // second moments are never negative
      }
      float[][] a = {random(n + 1, 1), random(n + 1, 2), random(n + 1, 3), random(n + 1, 4),
          moments};
      float[][] b = {a[0].clone(), a[1].clone(), a[2].clone(), a[3].clone(), a[4].clone()};
      float[][][] both = {a, b};
      RowOps[] ops = {simd, plain};
      for (int k = 0; k < 2; k++) {
        float[][] v = both[k];
        ops[k].axpy(0.7f, v[0], 1, v[1], 1, n);
        ops[k].addProduct(v[0], 1, v[1], 1, v[2], 1, n);
        ops[k].normalizeAffineRelu(v[3], 1, n, 0.1f, 1.3f, w, 0, n, v[0], 1.25f);
        ops[k].maskByPositive(v[2], v[0], 1, n, 1.25f);
        ops[k].layerNormBackward(v[2], v[3], 1, n, w, 0, 1.3f, 0.05f, -0.02f, v[1]);
        ops[k].adamW(v[0], v[1], v[2], v[4], 1, n, 0.9f, 0.999f, 0.99f, 0.01f, 0.03f, 1e-8f);
      }
      for (int i = 0; i < 5; i++) {
        for (int j = 0; j < n + 1; j++) {
          assertThat(a[i][j]).as("array %d element %d of %d", i, j, n)
              .isCloseTo(b[i][j], within(1e-4f * (1 + Math.abs(b[i][j]))));
        }
      }
    }
  }

  @Test
  void maskByPositive_zeroOutputs_zeroGradient() {
    for (RowOps ops : new RowOps[] {simd, plain}) {
      float[] out = new float[40];
      float[] grad = new float[40];
      for (int i = 0; i < 40; i++) {
        out[i] = i % 3 == 0 ? 0f : i;
        grad[i] = 2;
      }
      ops.maskByPositive(grad, out, 0, 40, 1.5f);
      for (int i = 0; i < 40; i++) {
        assertThat(grad[i]).isEqualTo(i % 3 == 0 ? 0f : 3f);
      }
    }
  }
}
