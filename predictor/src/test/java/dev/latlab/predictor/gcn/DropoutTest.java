package dev.latlab.predictor.gcn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DropoutTest {
  private static float[] mask(Dropout d, int layer, int row, int width) {
    float[] x = new float[width];
    Arrays.fill(x, 1f);
    d.zeroDropped(layer, row, x, 0, width);
    return x;
  }

  @Test
  void zeroDropped_dropsAtTheRate() {
    Dropout d = Dropout.of(0.2, 11);
    long dropped = 0;
    long total = 0;
    for (int row = 0; row < 500; row++) {
      for (float v : mask(d, 1, row, 600)) {
        dropped += v == 0 ? 1 : 0;
        total++;
      }
    }
    // 300000 Bernoulli(0.2) draws: the standard deviation of the share is 0.0007.
    assertThat((double) dropped / total).isCloseTo(0.2, within(0.004));
    assertThat(d.scale()).isEqualTo(1.25f);
  }

  @Test
  void zeroDropped_sameStepLayerRow_sameMask_otherwiseDifferent() {
    float[] a = mask(Dropout.of(0.3, 5), 2, 7, 600);
    assertThat(mask(Dropout.of(0.3, 5), 2, 7, 600)).isEqualTo(a);
    assertThat(mask(Dropout.of(0.3, 6), 2, 7, 600)).isNotEqualTo(a);
    assertThat(mask(Dropout.of(0.3, 5), 3, 7, 600)).isNotEqualTo(a);
    assertThat(mask(Dropout.of(0.3, 5), 2, 8, 600)).isNotEqualTo(a);
  }

  @Test
  void none_keepsEverythingUnscaled() {
    assertThat(mask(Dropout.none(), 0, 0, 50)).containsOnly(1f);
    assertThat(mask(Dropout.of(0, 3), 0, 0, 50)).containsOnly(1f);
    assertThat(Dropout.none().scale()).isEqualTo(1f);
  }
}
