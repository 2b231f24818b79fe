package dev.latlab.collector.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for the agent's {@code environment_json}: objects become {@link Map},
 * arrays {@link List}, numbers {@link Double}, plus {@link String}, {@link Boolean} and null. It
 * also accepts the tokens {@code NaN}, {@code Infinity} and {@code -Infinity}, which a lenient
 * writer emits for unknown values. Gson is only on the collector's runtime classpath (via
 * grpc-core), so the collector cannot compile against it.
 */
final class TinyJson {
  private final String text;
  private int pos;

  private TinyJson(String text) {
    this.text = text;
  }

  /**
   * Parses one JSON value.
   *
   * @throws IllegalArgumentException if the text is not one JSON value
   */
  static Object parse(String text) {
    TinyJson reader = new TinyJson(text);
    Object value = reader.value();
    reader.skipSpace();
    if (reader.pos != text.length()) {
      throw reader.error("trailing text");
    }
    return value;
  }

  private Object value() {
    skipSpace();
    char c = peek();
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      case 'N' -> literal("NaN", Double.NaN);
      case 'I' -> literal("Infinity", Double.POSITIVE_INFINITY);
      default -> number();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    pos++;
    if (nextIs('}')) {
      return map;
    }
    do {
      skipSpace();
      String key = string();
      expect(':');
      map.put(key, value());
    } while (nextIs(','));
    expect('}');
    return map;
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    pos++;
    if (nextIs(']')) {
      return list;
    }
    do {
      list.add(value());
    } while (nextIs(','));
    expect(']');
    return list;
  }

  private String string() {
    if (peek() != '"') {
      throw error("expected a string");
    }
    StringBuilder sb = new StringBuilder();
    for (pos++; peek() != '"'; pos++) {
      char c = text.charAt(pos);
      sb.append(c == '\\' ? escaped() : c);
    }
    pos++;
    return sb.toString();
  }

  private char escaped() {
    char c = text.charAt(++pos);
    return switch (c) {
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> unicodeEscape();
      default -> c;
    };
  }

  private char unicodeEscape() {
    if (pos + 5 > text.length()) {
      throw error("short \\u escape");
    }
    char c = (char) Integer.parseInt(text.substring(pos + 1, pos + 5), 16);
    pos += 4;
    return c;
  }

  private Double number() {
    int start = pos;
    if (text.startsWith("-Infinity", pos)) {
      pos += "-Infinity".length();
      return Double.NEGATIVE_INFINITY;
    }
    while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    try {
      return Double.valueOf(text.substring(start, pos));
    } catch (NumberFormatException e) {
      throw error("expected a value");
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("expected " + word);
    }
    pos += word.length();
    return value;
  }

  private boolean nextIs(char c) {
    skipSpace();
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!nextIs(c)) {
      throw error("expected '" + c + "'");
    }
  }

  private char peek() {
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(pos);
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("bad JSON at offset " + pos + ": " + what);
  }
}
