package dev.latlab.agent.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.Backends;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.InferenceBackendContractTest;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.nb201.Precision;
import dev.latlab.nb201.net.Network;
import dev.latlab.nb201.net.NetworkBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backend contract for ONNX Runtime with default settings, plus its own settings. */
class OnnxRuntimeBackendTest extends InferenceBackendContractTest {
  @Override
  protected BackendConfig config() {
    return BackendConfig.of("onnxruntime", 1);
  }

  @Override
  protected Map<String, String> expectedSettings() {
    return Map.of(
        "allow-spinning", "true",
        "execution-mode", "sequential",
        "graph-optimization", "all",
        "inter-op-threads", "1");
  }

  @Test
  void load_int8Network_refusedAsFloat32Only() {
    Network int8 = NetworkBuilder.build(
        Arch.parse("421211"), NetworkSpec.CIFAR10.withPrecision(Precision.INT8), 42);

    assertThat(backend().supports(Precision.INT8)).isFalse();
    assertThatThrownBy(() -> backend().load(int8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("float32 only");
  }

  @Test
  void runtimeVersion_always_namesOrtVersion() {
    assertThat(backend().runtimeVersion()).matches("onnxruntime \\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void create_explicitSettings_resolvedAsGiven() {
    BackendConfig config = BackendConfig.of("onnxruntime", 2)
        .with("graph-optimization", "basic")
        .with("execution-mode", "parallel")
        .with("inter-op-threads", "2")
        .with("allow-spinning", "false");

    InferenceBackend backend = Backends.create(config);

    assertThat(backend.config()).isEqualTo(config);
    assertThat(backend.identity()).endsWith(
        "threads=2 allow-spinning=false execution-mode=parallel graph-optimization=basic"
            + " inter-op-threads=2");
  }

  @Test
  void create_unknownGraphOptimization_rejectedNamingKeyAndChoices() {
    BackendConfig bad = config().with("graph-optimization", "max");

    assertThatThrownBy(() -> Backends.create(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("graph-optimization")
        .hasMessageContaining("none, basic, extended, all")
        .hasMessageContaining("max");
  }

  @Test
  void create_zeroInterOpThreads_rejectedNamingKey() {
    BackendConfig bad = config().with("inter-op-threads", "0");

    assertThatThrownBy(() -> Backends.create(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inter-op-threads");
  }

  @Test
  void create_nonBooleanSpinning_rejectedNamingKey() {
    BackendConfig bad = config().with("allow-spinning", "yes");

    assertThatThrownBy(() -> Backends.create(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allow-spinning");
  }
}
