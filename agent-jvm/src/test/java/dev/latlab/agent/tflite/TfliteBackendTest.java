package dev.latlab.agent.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.Backends;
import dev.latlab.agent.InferenceBackendContractTest;
import dev.latlab.agent.LoadedModel;
import dev.latlab.agent.SeededInput;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.nb201.Precision;
import dev.latlab.nb201.net.Network;
import dev.latlab.nb201.net.NetworkBuilder;
import dev.latlab.nb201.net.ReferenceEvaluator;
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

  /** int8 keeps float32 I/O; the bound is nb201's TfliteInt8AccuracyTest's. */
  @Test
  void load_int8Network_runsWithFloatInputAndOutputNearReference() {
    Arch cell = Arch.parse("334131");
    Network int8 =
        NetworkBuilder.build(cell, NetworkSpec.CIFAR10.withPrecision(Precision.INT8), 42);
    float[] input = SeededInput.of(int8.inputShape(), 7);
    float[] reference = ReferenceEvaluator.run(network("334131"), input);

    float[] actual;
    try (LoadedModel model = backend().load(int8)) {
      model.setInput(input);
      model.run();
      actual = model.output();
    }

    assertThat(backend().supports(Precision.INT8)).isTrue();
    double scale = 0;
    double worst = 0;
    for (int i = 0; i < reference.length; i++) {
      scale = Math.max(scale, Math.abs(reference[i]));
      worst = Math.max(worst, Math.abs(actual[i] - reference[i]));
    }
    assertThat(worst / scale).isGreaterThan(1e-4).isLessThan(0.25);
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
