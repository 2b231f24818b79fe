package dev.latlab.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;

/**
 * The one JSON style of the CLI: pretty-printed, keys in snake_case as the caller names them, and an
 * unknown number (NaN, e.g. a temperature the OS does not expose) written as {@code null}.
 */
public final class Json {
  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
          .registerTypeAdapter(Double.class, finiteOrNull()).create();

  private Json() {}

  private static JsonSerializer<Double> finiteOrNull() {
    return (value, type, context) -> value.isNaN() || value.isInfinite()
        ? JsonNull.INSTANCE
        : new JsonPrimitive(value);
  }

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
