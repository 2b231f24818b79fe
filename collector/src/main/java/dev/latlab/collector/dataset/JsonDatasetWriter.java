package dev.latlab.collector.dataset;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Writes a dataset as JSON (UTF-8): an array with one object per row, one object per line, keyed by
 * the {@link DatasetColumn} names in column order. Numbers are JSON numbers at full double
 * precision (not rounded like the CSV), {@code stopped_early} is a boolean, and anything unknown
 * (NaN, an empty identity, no statistics) is {@code null}. {@code samples_us} is an array of
 * rounds, each an array of run times in microseconds.
 */
final class JsonDatasetWriter implements DatasetWriter {

  @Override
  public byte[] write(Dataset dataset) {
    StringJoiner array = new StringJoiner(",\n", "[\n", "\n]\n");
    for (DatasetRow row : dataset.rows()) {
      array.add(object(row));
    }
    return array.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String object(DatasetRow row) {
    StringJoiner object = new StringJoiner(", ", "{", "}");
    for (DatasetColumn column : DatasetColumn.values()) {
      object.add(string(column.key()) + ": " + value(column.valueOf(row)));
    }
    return object.toString();
  }

  private static String value(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Double d) {
      return number(d);
    }
    if (value instanceof long[][] rounds) {
      return samples(rounds);
    }
    if (value instanceof String s) {
      return string(s);
    }
    return value.toString(); // Integer or Boolean
  }

  /** Double.toString of a finite double is a valid JSON number, and reads back to the same bits. */
  private static String number(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "null";
  }

  private static String samples(long[][] rounds) {
    StringJoiner all = new StringJoiner(", ", "[", "]");
    for (long[] round : rounds) {
      StringJoiner runs = new StringJoiner(", ", "[", "]");
      for (long nanos : round) {
        runs.add(number(nanos / 1e3));
      }
      all.add(runs.toString());
    }
    return all.toString();
  }

  // Visible for testing.
  static String string(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c < 0x20 ? unicodeEscape(c) : String.valueOf(c));
      }
    }
    return sb.append('"').toString();
  }

  private static String unicodeEscape(char c) {
    return String.format(Locale.ROOT, "\\u%04x", (int) c);
  }
}
