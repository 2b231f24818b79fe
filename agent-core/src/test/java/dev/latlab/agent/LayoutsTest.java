package dev.latlab.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.nb201.net.Shape;
import org.junit.jupiter.api.Test;

class LayoutsTest {
  @Test
  void nchwToNhwc_twoImagesTwoChannels_interleavesChannels() {
    // n=2, c=2, h=1, w=3: image n, channel c, pixel p holds 100n + 10c + p.
    float[] nchw = {0, 1, 2, 10, 11, 12, 100, 101, 102, 110, 111, 112};
    float[] nhwc = new float[12];

    Layouts.nchwToNhwc(nchw, nhwc, new Shape(2, 2, 1, 3));

    assertThat(nhwc).containsExactly(0, 10, 1, 11, 2, 12, 100, 110, 101, 111, 102, 112);
  }

  @Test
  void nchwToNhwc_wrongLength_rejected() {
    assertThatThrownBy(() -> Layouts.nchwToNhwc(new float[5], new float[6], new Shape(1, 1, 2, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5");
  }
}
