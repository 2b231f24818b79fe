package dev.latlab.agent.tflite;

import static org.bytedeco.tensorflowlite.global.tensorflowlite.TfLiteVersion;

import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.BackendProvider;
import dev.latlab.agent.InferenceBackend;
import java.util.Map;

/**
 * Provides the {@code tflite} backend: the TFLite interpreter through JavaCPP, with {@link
 * BackendConfig#threads()} threads. Settings:
 *
 * <ul>
 *   <li>{@code xnnpack}: {@code true} or {@code false}. True applies TFLite's default CPU delegate,
 *       XNNPACK, which takes over every node it supports; false builds the interpreter with {@code
 *       BuiltinOpResolverWithoutDefaultDelegates}, so the built-in (reference and optimized)
 *       kernels run every node. If unset, defaults to {@code true}.
 * </ul>
 */
public final class TfliteBackendProvider implements BackendProvider {
  /** The backend's name. */
  static final String NAME = "tflite";

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public TfliteBackendProvider() {}

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
   * Returns {@code xnnpack} with its description and default.
   *
   * @return setting name to description
   */
  @Override
  public Map<String, String> settings() {
    return TfliteSettings.DESCRIPTIONS;
  }

  /**
   * Creates a TFLite backend; its {@code config()} carries every setting, defaults included.
   *
   * @param config the configuration, named {@code tflite}
   * @return the backend
   * @throws IllegalArgumentException naming the setting if a setting is unknown or invalid, or if
   *     the configuration names another backend
   * @throws IllegalStateException if the TFLite native library cannot be loaded
   */
  @Override
  public InferenceBackend create(BackendConfig config) {
    if (!NAME.equals(config.backend())) {
      throw new IllegalArgumentException("not a tflite configuration: " + config.backend());
    }
    TfliteSettings settings = TfliteSettings.resolve(config.settings());
    BackendConfig resolved = new BackendConfig(NAME, config.threads(), settings.asMap());
    return new TfliteBackend(resolved, settings, NAME + " " + tfliteVersion());
  }

  /** Loading the class of TfLiteVersion() loads the native library, so this is the probe too. */
  private static String tfliteVersion() {
    try {
      return TfLiteVersion().getString();
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException("TFLite (JavaCPP) is not available on this platform", e);
    }
  }
}
