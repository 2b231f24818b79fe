package dev.latlab.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.nb201.net.Network;
import dev.latlab.nb201.net.NetworkBuilder;
import dev.latlab.nb201.net.ReferenceEvaluator;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link InferenceBackend} must do, run once per backend and configuration by a
 * subclass next to the backend: be found by name, resolve and report its settings, run a small and
 * the largest NB201 network as the reference evaluator does, deterministically and at plausible
 * relative speeds, and reject bad settings and inputs.
 */
public abstract class InferenceBackendContractTest {
  /** Outputs must match the reference within this share of the largest reference logit. */
  private static final double RELATIVE_TOLERANCE = 1e-4;

  private static final long SEED = 42;
  /** NB201 index 0: about 17 MFLOPs. */
  private static final String SMALL = "421211";
  /** All nor_conv_3x3, the largest cell: about 220 MFLOPs. */
  private static final String LARGEST = "333333";

  private static final int WARM_UPS = 5;
  private static final int TIMED_RUNS = 30;

  /** Networks and reference outputs are built once per JVM and shared by all subclasses. */
  private static final Map<String, Network> NETWORKS = new ConcurrentHashMap<>();

  private static final Map<String, float[]> REFERENCES = new ConcurrentHashMap<>();

  private InferenceBackend backend;

  /**
   * Returns the configuration under test, before the backend fills in defaults.
   *
   * @return e.g. {@code BackendConfig.of("tflite", 1)}
   */
  protected abstract BackendConfig config();

  /**
   * Returns every setting the backend must resolve {@link #config()} to, defaults included.
   *
   * @return setting name to value
   */
  protected abstract Map<String, String> expectedSettings();

  /**
   * Creates a backend. If not overridden, through {@link Backends#create}, i.e. the provider
   * {@link java.util.ServiceLoader} finds; a backend whose runtime is swapped for a test (the
   * Android backend over the desktop interpreter) is created directly.
   *
   * @param config the configuration
   * @return the backend
   * @throws IllegalArgumentException if a setting is unknown or invalid
   */
  protected InferenceBackend create(BackendConfig config) {
    return Backends.create(config);
  }

  /**
   * Returns whether {@link Backends} finds this backend by name on this classpath. If not
   * overridden, true.
   *
   * @return false where the backend is created directly (see {@link #create})
   */
  protected boolean foundByServiceLoader() {
    return true;
  }

  /**
   * Returns the backend created from {@link #config()} for this test.
   *
   * @return the backend
   */
  protected final InferenceBackend backend() {
    return backend;
  }

  /**
   * Returns a seeded CIFAR-10 network of a cell, built once per JVM.
   *
   * @param cell the cell's op vector, e.g. {@code 421211}
   * @return the network
   */
  protected static Network network(String cell) {
    return NETWORKS.computeIfAbsent(
        cell, c -> NetworkBuilder.build(Arch.parse(c), NetworkSpec.CIFAR10, SEED));
  }

  @BeforeEach
  void createBackend() {
    backend = create(config());
  }

  @Test
  void create_byName_findsThisBackend() {
    if (foundByServiceLoader()) {
      assertThat(Backends.names()).contains(config().backend());
    }
    assertThat(backend.name()).isEqualTo(config().backend());
  }

  @Test
  void config_resolved_hasEverySettingWithDefaults() {
    assertThat(backend.config().backend()).isEqualTo(config().backend());
    assertThat(backend.config().threads()).isEqualTo(config().threads());
    assertThat(backend.config().settings()).containsExactlyInAnyOrderEntriesOf(expectedSettings());
  }

  @Test
  void identity_resolved_containsNameAndEverySetting() {
    String identity = backend.identity();

    assertThat(identity).startsWith(config().backend() + " ").contains("threads=1");
    expectedSettings().forEach((key, value) -> assertThat(identity).contains(key + "=" + value));
  }

  @ParameterizedTest
  @ValueSource(strings = {SMALL, LARGEST})
  void run_network_matchesReference(String cell) {
    float[] actual = runOnce(network(cell));

    assertCloseToReference(cell, actual, reference(cell));
  }

  @Test
  void run_twiceOnSameInput_identicalOutput() {
    Network net = network(SMALL);
    try (LoadedModel model = backend.load(net)) {
      model.setInput(input(net));
      model.run();
      float[] first = model.output();
      model.run();

      assertThat(model.output()).containsExactly(first);
    }
  }

  /** 220 vs 17 MFLOPs: a 5x+ gap, so comparing medians of 30 runs is robust on a noisy machine. */
  @Test
  void run_largestNetwork_slowerThanSmall() {
    long small = medianNanos(network(SMALL));
    long largest = medianNanos(network(LARGEST));

    assertThat(largest)
        .as("median ns of %s vs %s on %s", LARGEST, SMALL, backend.identity())
        .isGreaterThan(small);
  }

  @Test
  void create_unknownSetting_rejectedNamingKey() {
    BackendConfig bad = config().with("no-such-setting", "1");

    assertThatThrownBy(() -> create(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-setting")
        .hasMessageContaining(expectedSettings().keySet().iterator().next());
  }

  @Test
  void setInput_wrongLength_throwsIllegalArgument() {
    Network net = network(SMALL);
    try (LoadedModel model = backend.load(net)) {
      float[] tooShort = new float[net.inputShape().size() - 1];

      assertThatThrownBy(() -> model.setInput(tooShort))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void run_beforeSetInput_throwsIllegalState() {
    try (LoadedModel model = backend.load(network(SMALL))) {
      assertThatThrownBy(model::run).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void close_twice_isHarmless() {
    Network net = network(SMALL);
    LoadedModel model = backend.load(net);
    model.setInput(input(net));
    model.run();

    model.close();
    model.close();

    assertThatThrownBy(model::run).isInstanceOf(IllegalStateException.class);
  }

  private float[] runOnce(Network net) {
    try (LoadedModel model = backend.load(net)) {
      model.setInput(input(net));
      model.run();
      return model.output();
    }
  }

  private long medianNanos(Network net) {
    try (LoadedModel model = backend.load(net)) {
      model.setInput(input(net));
      for (int i = 0; i < WARM_UPS; i++) {
        model.run();
      }
      long[] nanos = new long[TIMED_RUNS];
      for (int i = 0; i < TIMED_RUNS; i++) {
        long t0 = System.nanoTime();
        model.run();
        nanos[i] = System.nanoTime() - t0;
      }
      Arrays.sort(nanos);
      return nanos[TIMED_RUNS / 2];
    }
  }

  /** A seeded standard-normal input in NCHW order. */
  private static float[] input(Network net) {
    SplittableRandom random = new SplittableRandom(SEED);
    float[] x = new float[net.inputShape().size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return x;
  }

  private static float[] reference(String cell) {
    return REFERENCES.computeIfAbsent(
        cell, c -> ReferenceEvaluator.run(network(c), input(network(c))));
  }

  private static void assertCloseToReference(String cell, float[] actual, float[] reference) {
    assertThat(actual).hasSameSizeAs(reference);
    double scale = 0;
    double worst = 0;
    for (int i = 0; i < reference.length; i++) {
      scale = Math.max(scale, Math.abs(reference[i]));
      worst = Math.max(worst, Math.abs(actual[i] - reference[i]));
    }
    assertThat(scale).as("reference logits of %s are not all zero", cell).isPositive();
    assertThat(worst / scale)
        .as("max |backend - reference| / max |reference| for %s", cell)
        .isLessThanOrEqualTo(RELATIVE_TOLERANCE);
  }
}
