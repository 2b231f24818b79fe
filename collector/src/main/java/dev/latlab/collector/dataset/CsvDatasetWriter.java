package dev.latlab.collector.dataset;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Writes a dataset as CSV: UTF-8, {@code \n} line ends, the header {@link DatasetColumn#HEADER},
 * one row per cell. Cells are formatted like agent-core's {@code SweepCsv} (statistics with 6
 * decimals, {@code samples_us} as microseconds with 3 decimals, runs separated by spaces and rounds
 * by {@code |}, unknown values empty), so a dataset row without {@code measured_index} reads like a
 * sweep row. A text cell holding a comma, quote or line break is quoted as in RFC 4180; sweep CSVs
 * never hold one.
 */
final class CsvDatasetWriter implements DatasetWriter {

  @Override
  public byte[] write(Dataset dataset) {
    StringBuilder csv = new StringBuilder(DatasetColumn.HEADER).append('\n');
    for (DatasetRow row : dataset.rows()) {
      csv.append(line(row)).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  // Visible for testing.
  static String line(DatasetRow row) {
    StringJoiner line = new StringJoiner(",");
    for (DatasetColumn column : DatasetColumn.values()) {
      line.add(cell(column, column.valueOf(row)));
    }
    return line.toString();
  }

  private static String cell(DatasetColumn column, Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return number(d, column.decimals());
    }
    if (value instanceof long[][] rounds) {
      return samples(rounds);
    }
    return quoted(value.toString());
  }

  private static String number(double v, int decimals) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "";
  }

  private static String samples(long[][] rounds) {
    StringJoiner all = new StringJoiner("|");
    for (long[] round : rounds) {
      StringJoiner runs = new StringJoiner(" ");
      for (long nanos : round) {
        runs.add(String.format(Locale.ROOT, "%.3f", nanos / 1e3));
      }
      all.add(runs.toString());
    }
    return all.toString();
  }

  private static String quoted(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
