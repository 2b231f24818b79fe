package dev.latlab.agent.android.tflite;

import dev.latlab.agent.BackendSettings;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The backend-specific settings of the Android TFLite backend, validated, every default filled in.
 * Both are part of the backend's identity, hence of the target: a GPU number is not a CPU number.
 *
 * @param delegate where the graph runs
 * @param xnnpack whether XNNPACK runs the CPU part of the graph (all of it with {@code
 *     delegate=cpu}, the nodes a GPU or NNAPI delegate leaves over otherwise); false runs TFLite's
 *     built-in kernels there
 */
public record InterpreterSettings(TfliteDelegate delegate, boolean xnnpack) {
  static final String DELEGATE = "delegate";
  static final String XNNPACK = "xnnpack";

  /** Each setting with a one-line description that names its default. */
  static final Map<String, String> DESCRIPTIONS = Map.of(
      DELEGATE, "cpu|gpu|nnapi: where the Interpreter runs the graph. If unset, defaults to cpu.",
      XNNPACK, "true|false: XNNPACK or the built-in kernels for the nodes that run on the CPU."
          + " If unset, defaults to true.");

  /** Requires a delegate. */
  public InterpreterSettings {
    if (delegate == null) {
      throw new IllegalArgumentException("delegate is required");
    }
  }

  /**
   * Validates the settings of a configuration and fills in the defaults.
   *
   * @param settings setting name to value
   * @return the resolved settings
   * @throws IllegalArgumentException naming the setting if one is unknown or has an invalid value
   */
  public static InterpreterSettings resolve(Map<String, String> settings) {
    BackendSettings.checkKnown("tflite", settings, DESCRIPTIONS.keySet());
    String delegate = settings.getOrDefault(DELEGATE, TfliteDelegate.CPU.settingValue());
    return new InterpreterSettings(TfliteDelegate.fromSetting(delegate),
        BackendSettings.bool(settings, XNNPACK, true));
  }

  /**
   * Returns the settings as they appear in a resolved {@code BackendConfig}.
   *
   * @return every setting, sorted by name
   */
  public SortedMap<String, String> asMap() {
    SortedMap<String, String> map = new TreeMap<>();
    map.put(DELEGATE, delegate.settingValue());
    map.put(XNNPACK, Boolean.toString(xnnpack));
    return map;
  }
}
