package dev.latlab.agent.tflite;

import dev.latlab.agent.BackendSettings;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The backend-specific settings of TFLite, validated and with every default filled in.
 *
 * @param xnnpack whether the default XNNPACK delegate runs the graph; otherwise TFLite's built-in
 *     kernels do
 */
record TfliteSettings(boolean xnnpack) {
  static final String XNNPACK = "xnnpack";

  /** Each setting with a one-line description that names its default. */
  static final Map<String, String> DESCRIPTIONS =
      Map.of(XNNPACK, "true|false: run the graph on the XNNPACK delegate (TFLite's default on CPU)"
          + " or on the built-in kernels. If unset, defaults to true.");

  /**
   * Validates the settings of a configuration and fills in the defaults.
   *
   * @param settings setting name to value
   * @return the resolved settings
   * @throws IllegalArgumentException naming the setting if one is unknown or has an invalid value
   */
  static TfliteSettings resolve(Map<String, String> settings) {
    BackendSettings.checkKnown("tflite", settings, DESCRIPTIONS.keySet());
    return new TfliteSettings(BackendSettings.bool(settings, XNNPACK, true));
  }

  /**
   * Returns the settings as they appear in a resolved {@code BackendConfig}.
   *
   * @return every setting, sorted by name
   */
  SortedMap<String, String> asMap() {
    return new TreeMap<>(Map.of(XNNPACK, Boolean.toString(xnnpack)));
  }
}
