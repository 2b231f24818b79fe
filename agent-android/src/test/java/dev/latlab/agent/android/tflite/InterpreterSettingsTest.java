package dev.latlab.agent.android.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpreterSettingsTest {
  @Test
  void resolve_empty_cpuWithXnnpack() {
    InterpreterSettings s = InterpreterSettings.resolve(Map.of());

    assertThat(s).isEqualTo(new InterpreterSettings(TfliteDelegate.CPU, true));
    assertThat(s.asMap()).containsExactly(Map.entry("delegate", "cpu"), Map.entry("xnnpack",
        "true"));
  }

  @Test
  void resolve_nnapiWithoutXnnpack_kept() {
    InterpreterSettings s =
        InterpreterSettings.resolve(Map.of("delegate", "nnapi", "xnnpack", "false"));

    assertThat(s.delegate()).isEqualTo(TfliteDelegate.NNAPI);
    assertThat(s.xnnpack()).isFalse();
  }

  @Test
  void resolve_unknownKey_rejectedListingValidOnes() {
    assertThatThrownBy(() -> InterpreterSettings.resolve(Map.of("threads", "2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'threads'")
        .hasMessageContaining("delegate, xnnpack");
  }

  @Test
  void resolve_xnnpackNotBoolean_rejected() {
    assertThatThrownBy(() -> InterpreterSettings.resolve(Map.of("xnnpack", "yes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("xnnpack");
  }
}
