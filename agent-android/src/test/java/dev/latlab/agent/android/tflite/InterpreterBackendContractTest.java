package dev.latlab.agent.android.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.InferenceBackendContractTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The backend contract (agent-core's, the same assertions agent-jvm's TFLite backend passes) for
 * the Android backend's code: emitting the model, direct buffers, NHWC layout, tensor checks,
 * settings and identity. The interpreter underneath is the desktop TFLite through JavaCPP, since
 * the Android library's native code cannot load on the JVM; on a phone, {@link
 * AndroidInterpreterRuntime} takes its place (not run here).
 */
class InterpreterBackendContractTest extends InferenceBackendContractTest {
  @Override
  protected BackendConfig config() {
    return BackendConfig.of("tflite", 1);
  }

  @Override
  protected Map<String, String> expectedSettings() {
    return Map.of("delegate", "cpu", "xnnpack", "true");
  }

  @Override
  protected InferenceBackend create(BackendConfig config) {
    return InterpreterBackendProvider.on(new DesktopTfliteRuntime()).create(config);
  }

  @Override
  protected boolean foundByServiceLoader() {
    return false; // the APK creates it directly; no ServiceLoader file is packaged
  }

  @Test
  void identity_always_marksTheAndroidRuntime() {
    assertThat(backend().identity())
        .matches("tflite \\d+\\.\\d+\\.\\d+-desktop-android threads=1 delegate=cpu xnnpack=true");
  }

  @Test
  void create_gpuWhereThereIsNone_failsNamingTheDelegate() {
    BackendConfig gpu = config().with("delegate", "gpu");

    assertThatThrownBy(() -> create(gpu))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("delegate=gpu");
  }

  @Test
  void create_unknownDelegate_rejectedListingChoices() {
    assertThatThrownBy(() -> create(config().with("delegate", "dsp")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cpu, gpu, nnapi")
        .hasMessageContaining("dsp");
  }

  @Test
  void create_otherBackendName_rejected() {
    assertThatThrownBy(() -> create(BackendConfig.of("onnxruntime", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("onnxruntime");
  }
}
