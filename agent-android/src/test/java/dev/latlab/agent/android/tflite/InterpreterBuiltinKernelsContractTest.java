package dev.latlab.agent.android.tflite;

import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.InferenceBackendContractTest;
import java.util.Map;

/** The backend contract with {@code xnnpack=false}: TFLite's built-in kernels (desktop runtime). */
class InterpreterBuiltinKernelsContractTest extends InferenceBackendContractTest {
  @Override
  protected BackendConfig config() {
    return BackendConfig.of("tflite", 1).with("xnnpack", "false");
  }

  @Override
  protected Map<String, String> expectedSettings() {
    return Map.of("delegate", "cpu", "xnnpack", "false");
  }

  @Override
  protected InferenceBackend create(BackendConfig config) {
    return InterpreterBackendProvider.on(new DesktopTfliteRuntime()).create(config);
  }

  @Override
  protected boolean foundByServiceLoader() {
    return false;
  }
}
