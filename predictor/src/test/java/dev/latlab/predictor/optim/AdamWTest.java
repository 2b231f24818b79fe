package dev.latlab.predictor.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.latlab.predictor.numeric.RowOps;
import dev.latlab.predictor.numeric.WorkerPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdamWTest {
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void step_twoSteps_matchHandComputedTorchValues(boolean simd) {
    AdamW adam = AdamW.withTorchDefaults(2, 0.01, simd ? RowOps.create() : RowOps.plain());
    float[] p = {1.0f, -2.0f};
    try (WorkerPool pool = WorkerPool.create(1)) {
      adam.step(p, new float[] {0.5f, -0.1f}, 0.1, pool);
      // Step 1: p *= 1 - 0.1*0.01; m = 0.1 g; v = 0.001 g^2; mhat = g, vhat = g^2;
      // p -= 0.1 * g / (|g| + 1e-8).
      assertThat((double) p[0]).isCloseTo(1.0 * 0.999 - 0.1 * 0.5 / (0.5 + 1e-8), within(1e-6));
      assertThat((double) p[1]).isCloseTo(-2.0 * 0.999 + 0.1 * 0.1 / (0.1 + 1e-8), within(1e-6));
      double p0 = p[0];
      adam.step(p, new float[] {-0.3f, 0f}, 0.05, pool);
      // Step 2 for p[0]: m = 0.9*0.05 + 0.1*(-0.3) = 0.015; v = 0.999*0.00025 + 0.001*0.09.
      double m = 0.015;
      double v = 0.999 * 0.00025 + 0.001 * 0.09;
      double expected = p0 * (1 - 0.05 * 0.01)
          - (0.05 / (1 - 0.81)) * m / (Math.sqrt(v) / Math.sqrt(1 - 0.999 * 0.999) + 1e-8);
      assertThat((double) p[0]).isCloseTo(expected, within(1e-6));
    }
    assertThat(adam.steps()).isEqualTo(2);
  }

  @Test
  void step_wrongLength_isRejected() {
    AdamW adam = AdamW.withTorchDefaults(3, 0, RowOps.create());
    try (WorkerPool pool = WorkerPool.create(1)) {
      assertThatThrownBy(() -> adam.step(new float[2], new float[2], 0.1, pool))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
