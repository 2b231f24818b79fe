package dev.latlab.nb201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The spec's identity and its precision. */
class NetworkSpecTest {
  @Test
  void identity_fp32_unchangedFromBeforePrecisionExisted() {
    assertThat(NetworkSpec.CIFAR10.identity())
        .isEqualTo("input=3x32x32 C=16 N=5 classes=10 batch=1");
  }

  @Test
  void identity_int8_differsAndNamesPrecision() {
    NetworkSpec int8 = NetworkSpec.builder().precision(Precision.INT8).build();

    assertThat(int8.identity())
        .isEqualTo("input=3x32x32 C=16 N=5 classes=10 batch=1 precision=int8");
    assertThat(int8).isNotEqualTo(NetworkSpec.CIFAR10);
    assertThat(int8.withPrecision(Precision.FP32)).isEqualTo(NetworkSpec.CIFAR10);
  }

  @Test
  void builder_precisionNull_rejected() {
    assertThatThrownBy(() -> NetworkSpec.builder().precision(null).build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("precision");
  }

  @Test
  void precision_names_roundTripAndWireEmptyIsFp32() {
    for (Precision p : Precision.values()) {
      assertThat(Precision.fromCliName(p.cliName())).isEqualTo(p);
      assertThat(Precision.fromWireName(p.cliName())).isEqualTo(p);
    }
    assertThat(Precision.fromWireName("")).isEqualTo(Precision.FP32);
    assertThatThrownBy(() -> Precision.fromCliName("int4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown precision 'int4': expected fp32 or int8");
  }
}
