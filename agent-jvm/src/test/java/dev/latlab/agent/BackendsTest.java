package dev.latlab.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The JVM agent registers both of its backends with {@link java.util.ServiceLoader}. */
class BackendsTest {
  @Test
  void names_onJvm_containsOnnxRuntimeAndTflite() {
    assertThat(Backends.names()).contains("onnxruntime", "tflite");
  }

  @Test
  void create_unknownBackend_listsAvailable() {
    assertThatThrownBy(() -> Backends.create(BackendConfig.of("tvm", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tvm")
        .hasMessageContaining("onnxruntime")
        .hasMessageContaining("tflite");
  }
}
