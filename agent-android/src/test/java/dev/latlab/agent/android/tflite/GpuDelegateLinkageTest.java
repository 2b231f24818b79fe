package dev.latlab.agent.android.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tensorflow.lite.gpu.GpuDelegateFactory;

/**
 * The GPU delegate AAR is 2.16.1 but its API classes are 2.14.0 (2.16.x is 404 on Maven Central
 * here): check that every member the 2.16.1 GpuDelegate calls exists in the 2.14.0 {@code
 * GpuDelegateFactory.Options}, and that its options build on the JVM (no native code involved).
 */
class GpuDelegateLinkageTest {
  @Test
  void gpuDelegateOptions_fromOlderApiJar_construct() throws ReflectiveOperationException {
    // What CompatibilityList.getBestOptionsForThisDevice() returns; deprecated, so by name.
    Object options = Class.forName("org.tensorflow.lite.gpu.GpuDelegate$Options")
        .getConstructor().newInstance();

    assertThat(options).isInstanceOf(GpuDelegateFactory.Options.class);
    GpuDelegateFactory.Options factoryOptions = (GpuDelegateFactory.Options) options;
    factoryOptions.setPrecisionLossAllowed(false).setQuantizedModelsAllowed(true);
    assertThat(factoryOptions.isPrecisionLossAllowed()).isFalse();
    assertThat(factoryOptions.areQuantizedModelsAllowed()).isTrue();
  }

  @Test
  void gpuDelegateFactoryOptions_hasEveryGetterTheDelegateCalls() {
    // From javap -c of GpuDelegate and CompatibilityList in tensorflow-lite-gpu 2.16.1.
    String[] called = {"isPrecisionLossAllowed", "areQuantizedModelsAllowed",
        "getInferencePreference", "getSerializationDir", "getModelToken", "getForceBackend"};

    assertThat(Arrays.stream(GpuDelegateFactory.Options.class.getMethods()).map(Method::getName))
        .contains(called);
  }
}
