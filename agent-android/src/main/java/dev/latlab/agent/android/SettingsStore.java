package dev.latlab.agent.android;

import android.content.Context;
import android.content.SharedPreferences;
import dev.latlab.agent.android.session.AgentSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keeps the agent's settings in the app's private preferences, as the screen's field texts. */
final class SettingsStore {
  private static final String PREFERENCES = "latlab-agent";
  private static final String[] KEYS = {AgentSettings.COLLECTOR, AgentSettings.TLS,
      AgentSettings.TOKEN, AgentSettings.TARGET, AgentSettings.THREADS, AgentSettings.DELEGATE,
      AgentSettings.XNNPACK};

  private SettingsStore() {}

  /** Returns the stored field texts; a field never saved is absent. */
  static Map<String, String> fields(Context context) {
    SharedPreferences prefs = prefs(context);
    Map<String, String> fields = new LinkedHashMap<>();
    for (String key : KEYS) {
      String value = prefs.getString(key, null);
      if (value != null) {
        fields.put(key, value);
      }
    }
    return fields;
  }

  /** Returns the stored settings, or null if none are stored or they no longer validate. */
  static AgentSettings load(Context context) {
    try {
      return AgentSettings.parse(fields(context));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Stores valid settings, replacing the previous ones. */
  static void save(Context context, AgentSettings settings) {
    SharedPreferences.Editor editor = prefs(context).edit();
    settings.toFields().forEach(editor::putString);
    editor.apply();
  }

  private static SharedPreferences prefs(Context context) {
    return context.getSharedPreferences(PREFERENCES, Context.MODE_PRIVATE);
  }
}
