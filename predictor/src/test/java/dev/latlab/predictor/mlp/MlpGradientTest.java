package dev.latlab.predictor.mlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.predictor.numeric.Sgemm;
import dev.latlab.predictor.numeric.WorkerPool;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The MLP's hand-derived gradients against central finite differences. */
class MlpGradientTest {
  @Test
  void backward_matchesFiniteDifferences() {
    MlpLayout layout = new MlpLayout(5, 4, 3);
    SplittableRandom random = new SplittableRandom(7);
    float[] p = layout.initialise(random);
    float[][] x = new float[6][5];
    float[] weights = new float[6];
    for (int r = 0; r < x.length; r++) {
      for (int c = 0; c < 5; c++) {
        x[r][c] = (float) random.nextGaussian();
      }
      weights[r] = (float) random.nextGaussian();
    }
    int[] batch = MlpRegressor.rows(0, x.length);
    try (WorkerPool pool = WorkerPool.create(1)) {
      MlpPass pass = new MlpPass(layout, Sgemm.create(pool));
      // loss = sum_r weights[r] * out[r]: smooth, so its gradient is exactly backward(weights)
      pass.forward(p, x, batch, null);
      float[] grads = new float[p.length];
      pass.backward(p, grads, weights, 1f);
      double h = 1e-2;
      int checked = 0;
      for (int i = 0; i < p.length; i++) {
        float saved = p[i];
        p[i] = (float) (saved + h);
        double up = loss(pass, p, x, batch, weights);
        p[i] = (float) (saved - h);
        double down = loss(pass, p, x, batch, weights);
        p[i] = saved;
        double numeric = (up - down) / (2 * h);
        assertThat(grads[i]).as("parameter %d", i)
            .isCloseTo((float) numeric, org.assertj.core.api.Assertions.within(
                (float) (2e-3 + 2e-2 * Math.abs(numeric))));
        checked += Math.abs(numeric) > 1e-3 ? 1 : 0;
      }
      assertThat(checked).isGreaterThan(p.length / 3);
    }
  }

  @Test
  void dropoutMasks_dependOnlyOnTheSeed() {
    MlpPass.Dropout d = new MlpPass.Dropout(0.5, 42);
    float[] a = new float[64];
    float[] b = new float[64];
    java.util.Arrays.fill(a, 1f);
    java.util.Arrays.fill(b, 1f);
    d.apply(1, 3, a, 0, 64);
    d.apply(1, 3, b, 0, 64);
    assertThat(a).containsExactly(b);
    long dropped = 0;
    for (float v : a) {
      dropped += v == 0 ? 1 : 0;
      assertThat(v).isIn(0f, 2f);
    }
    assertThat(dropped).isBetween(16L, 48L);
  }

  private static double loss(MlpPass pass, float[] p, float[][] x, int[] batch, float[] w) {
    float[] out = pass.forward(p, x, batch, null);
    double s = 0;
    for (int r = 0; r < out.length; r++) {
      s += (double) w[r] * out[r];
    }
    return s;
  }
}
