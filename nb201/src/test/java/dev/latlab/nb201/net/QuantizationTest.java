package dev.latlab.nb201.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** TFLite int8 quantisation parameters and rounding. */
class QuantizationTest {
  @Test
  void asymmetric_rangeAcrossZero_zeroExactlyRepresentable() {
    Quantization q = Quantization.asymmetric(new ValueRange(-1.3f, 3.7f));

    assertThat(q.scale()).isCloseTo(5f / 255, within(1e-7f));
    assertThat((long) q.quantize(0f, 0)).isEqualTo(q.zeroPoint());
    assertThat(q.quantize(-1.3f, 0)).isEqualTo((byte) -128);
    assertThat(q.quantize(3.7f, 0)).isEqualTo((byte) 127);
    assertThat(q.quantize(100f, 0)).as("saturates").isEqualTo((byte) 127);
  }

  @Test
  void asymmetric_positiveRange_widenedToZeroAtTheBottom() {
    Quantization q = Quantization.asymmetric(new ValueRange(2f, 5.1f));

    assertThat(q.zeroPoint()).isEqualTo(-128);
    assertThat(q.scale()).isCloseTo(5.1f / 255, within(1e-7f));
  }

  @Test
  void asymmetric_alwaysZero_unitRangeInsteadOfZeroScale() {
    Quantization q = Quantization.asymmetric(new ValueRange(0f, 0f));

    assertThat(q.scale()).isCloseTo(2f / 255, within(1e-7f));
    assertThat((long) q.quantize(0f, 0)).isEqualTo(q.zeroPoint());
  }

  @Test
  void nonNegative_zeroPointAtTheBottom_evenForAnAlwaysZeroTensor() {
    Quantization q = Quantization.nonNegative(5.1f);
    Quantization zero = Quantization.nonNegative(0f);

    assertThat(q.zeroPoint()).isEqualTo(-128);
    assertThat(q.scale()).isCloseTo(5.1f / 255, within(1e-7f));
    assertThat(q.quantize(-3f, 0)).as("negatives saturate to real 0").isEqualTo((byte) -128);
    assertThat(zero.zeroPoint()).isEqualTo(-128);
    assertThat(zero.scale()).isCloseTo(1f / 255, within(1e-7f));
  }

  @Test
  void exactOrSymmetric_poolCountCorrections_exactAtScaleOneQuarter() {
    Quantization q = Quantization.exactOrSymmetric(new float[] {1f, 1.5f, 2.25f});

    assertThat(q.scale()).isEqualTo(0.25f);
    assertThat(q.zeroPoint()).isZero();
    assertThat(q.quantize(1f, 0)).isEqualTo((byte) 4);
    assertThat(q.quantize(1.5f, 0)).isEqualTo((byte) 6);
    assertThat(q.quantize(2.25f, 0)).isEqualTo((byte) 9);
  }

  @Test
  void exactOrSymmetric_noSmallCommonDenominator_fallsBackToSymmetric() {
    Quantization q = Quantization.exactOrSymmetric(new float[] {0.1234567f, -2f});

    assertThat(q.scale()).isCloseTo(2f / 127, within(1e-7f));
  }

  @Test
  void asymmetricAtLeast_narrowRange_widenedToTheMinimumScaleKeepingZero() {
    Quantization q = Quantization.asymmetricAtLeast(new ValueRange(-0.01f, 0.02f), 0.1f);

    assertThat(q.scale()).isCloseTo(0.1f, within(1e-6f));
    assertThat(q.quantize(0f, 0) - q.zeroPoint()).isZero();
    assertThat(Quantization.asymmetricAtLeast(new ValueRange(-1f, 4f), 1e-3f).scale())
        .as("already wide enough: unchanged")
        .isEqualTo(Quantization.asymmetric(new ValueRange(-1f, 4f)).scale());
  }

  @Test
  void symmetricPerChannel_extremesMapToPlusMinus127() {
    Quantization q = Quantization.symmetricPerChannel(new float[] {0.5f, 2f, 0f});

    assertThat(q.scales()).containsExactly(0.5f / 127, 2f / 127, 1f);
    assertThat(q.zeroPoints()).containsExactly(0, 0, 0);
    assertThat(q.quantize(-0.5f, 0)).isEqualTo((byte) -127);
    assertThat(q.quantize(2f, 1)).isEqualTo((byte) 127);
    assertThat(q.quantize(0.25f, 0)).isEqualTo((byte) 64);
  }

  @Test
  void bias_scaleIsInputScaleTimesEachWeightScale() {
    Quantization input = Quantization.asymmetric(new ValueRange(-1f, 1f));
    Quantization weights = Quantization.symmetricPerChannel(new float[] {0.5f, 2f});

    Quantization bias = Quantization.bias(input, weights);

    assertThat(bias.scales()[1]).isCloseTo(input.scale() * 2f / 127, within(1e-12f));
    assertThat(bias.quantizeInt32(1f, 1)).isEqualTo(Math.round(1 / bias.scales()[1]));
    assertThat(bias.zeroPoints()).containsOnly(0L);
  }

  @Test
  void scale_perAxis_refused() {
    Quantization q = Quantization.symmetricPerChannel(new float[] {1f, 2f});

    assertThatThrownBy(q::scale).isInstanceOf(IllegalStateException.class);
  }
}
