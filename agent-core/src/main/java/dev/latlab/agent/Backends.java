package dev.latlab.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the backends available on this platform. */
public final class Backends {
  private Backends() {}

  /**
   * Returns the names of the available backends, sorted.
   *
   * @return e.g. {@code [onnxruntime, tflite]}
   */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
      names.add(p.name());
    }
    names.sort(null);
    return names;
  }

  /**
   * Returns the provider of a backend.
   *
   * @param name the backend's name
   * @return its provider
   * @throws IllegalArgumentException listing the available backends if there is none by that name
   */
  public static BackendProvider provider(String name) {
    for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown backend '" + name + "': available are " + String.join(", ", names()));
  }

  /**
   * Creates a backend from a configuration.
   *
   * @param config the configuration
   * @return the backend
   * @throws IllegalArgumentException if the backend or a setting is unknown or invalid
   */
  public static InferenceBackend create(BackendConfig config) {
    return provider(config.backend()).create(config);
  }
}
