package dev.latlab.agent.tflite;

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
    for (String key : settings.keySet()) {
      if (!DESCRIPTIONS.containsKey(key)) {
        throw new IllegalArgumentException("unknown tflite setting '" + key
            + "': valid settings are " + String.join(", ", new TreeMap<>(DESCRIPTIONS).keySet()));
      }
    }
    String xnnpack = settings.getOrDefault(XNNPACK, "true");
    if (!xnnpack.equals("true") && !xnnpack.equals("false")) {
      throw new IllegalArgumentException(XNNPACK + " must be true or false: '" + xnnpack + "'");
    }
    return new TfliteSettings(Boolean.parseBoolean(xnnpack));
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
