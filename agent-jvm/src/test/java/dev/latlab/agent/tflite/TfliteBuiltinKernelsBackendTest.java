package dev.latlab.agent.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.InferenceBackendContractTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backend contract for TFLite without XNNPACK: the built-in kernels run every node. */
class TfliteBuiltinKernelsBackendTest extends InferenceBackendContractTest {
  @Override
  protected BackendConfig config() {
    return BackendConfig.of("tflite", 1).with("xnnpack", "false");
  }

  @Override
  protected Map<String, String> expectedSettings() {
    return Map.of("xnnpack", "false");
  }

  @Test
  void load_xnnpackFalse_noNodeDelegated() {
    try (TfliteModel model = (TfliteModel) backend().load(network("421211"))) {
      assertThat(model.delegatesToXnnpack()).isFalse();
    }
  }
}
