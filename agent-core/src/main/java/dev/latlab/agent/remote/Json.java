package dev.latlab.agent.remote;

import java.lang.reflect.Array;
import java.util.Iterator;
import java.util.Map;

/**
 * A minimal JSON writer for {@code Environment.toMap()}: agent-core has no JSON library. Writes
 * strings, numbers, booleans, null, maps (keys as text), iterables and arrays; anything else as its
 * {@code toString()} text. A non-finite number (NaN, infinity) is written as {@code null}.
 * Non-ASCII text is written as is (the result is UTF-8 on the wire); control characters, U+2028,
 * U+2029 and unpaired surrogates are escaped, so the output is valid JSON and valid UTF-8.
 */
final class Json {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

  /**
   * Returns a value as compact JSON text.
   *
   * @param value the value, possibly null
   * @return the JSON text
   */
  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    value(out, value);
    return out.toString();
  }

  private static void value(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence text) {
      string(out, text);
    } else if (value instanceof Double || value instanceof Float) {
      number(out, ((Number) value).doubleValue());
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      object(out, map);
    } else if (value instanceof Iterable<?> items) {
      array(out, items.iterator());
    } else if (value.getClass().isArray()) {
      array(out, value);
    } else {
      string(out, value.toString());
    }
  }

  private static void number(StringBuilder out, double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      out.append("null");
    } else {
      out.append(d);
    }
  }

  private static void object(StringBuilder out, Map<?, ?> map) {
    out.append('{');
    String separator = "";
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.append(separator);
      string(out, String.valueOf(e.getKey()));
      out.append(':');
      value(out, e.getValue());
      separator = ",";
    }
    out.append('}');
  }

  private static void array(StringBuilder out, Iterator<?> items) {
    out.append('[');
    while (items.hasNext()) {
      value(out, items.next());
      if (items.hasNext()) {
        out.append(',');
      }
    }
    out.append(']');
  }

  private static void array(StringBuilder out, Object array) {
    out.append('[');
    for (int i = 0, n = Array.getLength(array); i < n; i++) {
      if (i > 0) {
        out.append(',');
      }
      value(out, Array.get(array, i));
    }
    out.append(']');
  }

  private static void string(StringBuilder out, CharSequence text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else {
        character(out, c);
      }
    }
    out.append('"');
  }

  private static void character(StringBuilder out, char c) {
    switch (c) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      default -> {
        if (c < 0x20 || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
          out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
              .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
        } else {
          out.append(c);
        }
      }
    }
  }
}
