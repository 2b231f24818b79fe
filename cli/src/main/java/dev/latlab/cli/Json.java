package dev.latlab.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The one JSON style of the CLI: pretty-printed, keys in snake_case as the caller names them. */
public final class Json {
  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

  private Json() {}

  /**
   * Returns an object as JSON text.
   *
   * @param value a map, list, record-like object or primitive
   * @return the JSON text
   */
  public static String write(Object value) {
    return GSON.toJson(value);
  }
}
