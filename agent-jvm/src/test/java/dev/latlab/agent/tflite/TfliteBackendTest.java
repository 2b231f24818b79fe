package dev.latlab.agent.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.Backends;
import dev.latlab.agent.InferenceBackendContractTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backend contract for TFLite with its default delegate, XNNPACK. */
class TfliteBackendTest extends InferenceBackendContractTest {
  @Override
  protected BackendConfig config() {
    return BackendConfig.of("tflite", 1);
  }

  @Override
  protected Map<String, String> expectedSettings() {
    return Map.of("xnnpack", "true");
  }

  @Test
  void load_byDefault_delegatesToXnnpack() {
    try (TfliteModel model = (TfliteModel) backend().load(network("421211"))) {
      assertThat(model.delegatesToXnnpack()).isTrue();
    }
  }

  @Test
  void runtimeVersion_always_namesTfliteVersion() {
    assertThat(backend().runtimeVersion()).matches("tflite \\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void create_nonBooleanXnnpack_rejectedNamingKey() {
    BackendConfig bad = config().with("xnnpack", "on");

    assertThatThrownBy(() -> Backends.create(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("xnnpack")
        .hasMessageContaining("on");
  }
}
