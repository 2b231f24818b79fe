package dev.latlab.agent;

import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

/**
 * Validation helpers for backend-specific settings, shared by every {@link BackendProvider} (on the
 * JVM and on Android) so that a bad setting reads the same whatever the backend.
 */
public final class BackendSettings {
  private BackendSettings() {}

  /**
   * Rejects settings the backend does not know.
   *
   * @param backend the backend's name, for the message
   * @param settings setting name to value
   * @param known the valid names
   * @throws IllegalArgumentException naming the first unknown setting and listing the valid ones
   */
  public static void checkKnown(String backend, Map<String, String> settings,
      Collection<String> known) {
    for (String key : settings.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("unknown " + backend + " setting '" + key
            + "': valid settings are " + String.join(", ", new TreeSet<>(known)));
      }
    }
  }

  /**
   * Returns a setting that must be one of a few words.
   *
   * @param settings setting name to value
   * @param key the setting
   * @param defaultValue the value if unset
   * @param allowed the valid values
   * @return the value
   * @throws IllegalArgumentException naming the setting and the valid values otherwise
   */
  public static String choice(Map<String, String> settings, String key, String defaultValue,
      String... allowed) {
    String value = settings.getOrDefault(key, defaultValue);
    for (String a : allowed) {
      if (a.equals(value)) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        key + " must be one of " + String.join(", ", allowed) + ": '" + value + "'");
  }

  /**
   * Returns a {@code true}/{@code false} setting.
   *
   * @param settings setting name to value
   * @param key the setting
   * @param defaultValue the value if unset
   * @return the value
   * @throws IllegalArgumentException naming the setting if it is neither true nor false
   */
  public static boolean bool(Map<String, String> settings, String key, boolean defaultValue) {
    return Boolean.parseBoolean(
        choice(settings, key, Boolean.toString(defaultValue), "true", "false"));
  }

  /**
   * Returns a setting that must be an integer of at least 1.
   *
   * @param settings setting name to value
   * @param key the setting
   * @param defaultValue the value if unset
   * @return the value
   * @throws IllegalArgumentException naming the setting otherwise
   */
  public static int positiveInt(Map<String, String> settings, String key, int defaultValue) {
    String value = settings.get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below with the key, like a value below 1.
    }
    throw new IllegalArgumentException(key + " must be an integer >= 1: '" + value + "'");
  }
}
