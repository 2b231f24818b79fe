package dev.latlab.agent;

import java.util.Map;

/**
 * Creates one kind of {@link InferenceBackend}; found with {@link java.util.ServiceLoader}, so a
 * platform adds its backends by listing providers in {@code META-INF/services}.
 */
public interface BackendProvider {
  /**
   * Returns the backend's name as used on the command line.
   *
   * @return e.g. {@code tflite}
   */
  String name();

  /**
   * Returns the backend-specific settings this provider accepts, each with a one-line description
   * that names its default.
   *
   * @return setting name to description
   */
  Map<String, String> settings();

  /**
   * Creates a backend, resolving every setting (defaults filled in).
   *
   * @param config the configuration; its backend name equals {@link #name()}
   * @return the backend
   * @throws IllegalArgumentException naming the setting if a setting is unknown or invalid
   * @throws IllegalStateException if the runtime cannot be loaded on this platform
   */
  InferenceBackend create(BackendConfig config);
}
