package dev.latlab.agent.android.tflite;

import static java.util.Objects.requireNonNull;

import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.BackendProvider;
import dev.latlab.agent.InferenceBackend;
import java.util.Map;

/**
 * Provides the {@code tflite} backend of the Android agent: the TFLite Android library's
 * Interpreter with {@link BackendConfig#threads()} threads. Settings (see {@link
 * InterpreterSettings}): {@code delegate=cpu|gpu|nnapi} (default cpu) and {@code
 * xnnpack=true|false} (default true). The runtime version in the identity carries an {@code
 * -android} suffix, e.g. {@code tflite 2.16.1-android threads=4 delegate=cpu xnnpack=true}, so a
 * phone's numbers never pass for the desktop interpreter's.
 */
public final class InterpreterBackendProvider implements BackendProvider {
  /** The backend's name, as on the desktop: both run .tflite networks. */
  static final String NAME = "tflite";

  private final TfliteRuntime runtime;

  /** Creates the provider on the Android Interpreter; called by {@link java.util.ServiceLoader}. */
  public InterpreterBackendProvider() {
    this(TfliteRuntime.android());
  }

  private InterpreterBackendProvider(TfliteRuntime runtime) {
    this.runtime = requireNonNull(runtime, "runtime");
  }

  /**
   * Returns a provider on another runtime: the desktop interpreter in tests, where the Android
   * library cannot load.
   *
   * @param runtime the runtime
   * @return the provider
   */
  public static InterpreterBackendProvider on(TfliteRuntime runtime) {
    return new InterpreterBackendProvider(runtime);
  }

  /**
   * Returns {@code tflite}.
   *
   * @return the backend's name
   */
  @Override
  public String name() {
    return NAME;
  }

  /**
   * Returns {@code delegate} and {@code xnnpack} with their descriptions and defaults.
   *
   * @return setting name to description
   */
  @Override
  public Map<String, String> settings() {
    return InterpreterSettings.DESCRIPTIONS;
  }

  /**
   * Creates the backend after checking that the runtime loads and the delegate exists here.
   *
   * @param config the configuration, named {@code tflite}
   * @return the backend; its {@code config()} carries every setting, defaults included
   * @throws IllegalArgumentException naming the setting if one is unknown or invalid, or if the
   *     configuration names another backend
   * @throws IllegalStateException if the runtime cannot load or the delegate is unavailable
   */
  @Override
  public InferenceBackend create(BackendConfig config) {
    if (!NAME.equals(config.backend())) {
      throw new IllegalArgumentException("not a tflite configuration: " + config.backend());
    }
    InterpreterSettings settings = InterpreterSettings.resolve(config.settings());
    String version = runtime.version();
    runtime.checkAvailable(settings);
    BackendConfig resolved = new BackendConfig(NAME, config.threads(), settings.asMap());
    return new InterpreterBackend(resolved, settings, runtime, NAME + " " + version + "-android");
  }
}
