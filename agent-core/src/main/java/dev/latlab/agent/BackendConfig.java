package dev.latlab.agent;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which backend to use and how: a name, a thread count and backend-specific settings (for example
 * {@code graph-optimization=all} for ONNX Runtime or {@code xnnpack=false} for TFLite). Immutable;
 * settings are kept sorted so that the string form is stable.
 *
 * @param backend the backend's name, e.g. {@code onnxruntime} or {@code tflite}
 * @param threads intra-op threads, at least 1
 * @param settings backend-specific settings, key to value
 */
public record BackendConfig(String backend, int threads, SortedMap<String, String> settings) {
  /** Validates and freezes the settings. */
  public BackendConfig {
    if (backend == null || backend.isBlank()) {
      throw new IllegalArgumentException("backend name is required");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + threads);
    }
    settings = Collections.unmodifiableSortedMap(new TreeMap<>(settings));
  }

  /**
   * Returns a configuration without backend-specific settings (the backend fills in defaults).
   *
   * @param backend the backend's name
   * @param threads intra-op threads
   * @return the configuration
   */
  public static BackendConfig of(String backend, int threads) {
    return new BackendConfig(backend, threads, new TreeMap<>());
  }

  /**
   * Returns this configuration with one more setting.
   *
   * @param key setting name
   * @param value setting value
   * @return a new configuration
   */
  public BackendConfig with(String key, String value) {
    SortedMap<String, String> copy = new TreeMap<>(settings);
    copy.put(key, value);
    return new BackendConfig(backend, threads, copy);
  }

  /**
   * Returns {@code threads=N} followed by every setting as {@code key=value}, space-separated.
   *
   * @return the settings string
   */
  public String settingsString() {
    StringBuilder sb = new StringBuilder("threads=").append(threads);
    for (Map.Entry<String, String> e : settings.entrySet()) {
      sb.append(' ').append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.toString();
  }
}
