package dev.latlab.predictor.data;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.ArchFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A CSV table keyed by NB201 cell, as in ../shared/data and the collector's dataset export: a
 * header row, then one row per cell named by {@code arch_index}, {@code arch_str} or {@code
 * arch_vector} (the first present wins; when several are present they must agree), and named
 * numeric columns where an empty field means "no value". Quoted fields are understood.
 */
public final class ArchCsv {
  private static final List<String> KEYS = List.of("arch_index", "arch_str", "arch_vector");

  private final String source;
  private final List<String> header;
  private final List<Arch> archs;
  private final List<String[]> rows;

  private ArchCsv(String source, List<String> header, List<Arch> archs, List<String[]> rows) {
    this.source = source;
    this.header = header;
    this.archs = archs;
    this.rows = rows;
  }

  /**
   * Reads a table from a file.
   *
   * @param file the CSV file
   * @return the table
   * @throws IllegalArgumentException if the file is missing, has no key column or a bad row,
   *     naming the file and line
   */
  public static ArchCsv read(Path file) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file, e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses a table.
   *
   * @param source names the text in errors
   * @param text the CSV
   * @return the table
   * @throws IllegalArgumentException if there is no key column or a row is bad
   */
  public static ArchCsv parse(String source, String text) {
    String[] lines = text.split("\r?\n");
    if (lines.length == 0 || lines[0].isBlank()) {
      throw new IllegalArgumentException(source + ": empty file, expected a header row");
    }
    List<String> header = List.of(fields(lines[0]));
    int[] keys = KEYS.stream().mapToInt(header::indexOf).toArray();
    if (Arrays.stream(keys).allMatch(k -> k < 0)) {
      throw new IllegalArgumentException(source + ": no arch_index, arch_str or arch_vector "
          + "column in the header");
    }
    List<Arch> archs = new ArrayList<>();
    List<String[]> rows = new ArrayList<>();
    for (int n = 1; n < lines.length; n++) {
      if (lines[n].isBlank()) {
        continue;
      }
      String[] row = fields(lines[n]);
      if (row.length != header.size()) {
        throw new IllegalArgumentException(String.format("%s:%d: %d fields, the header has %d",
            source, n + 1, row.length, header.size()));
      }
      archs.add(key(source, n + 1, row, keys));
      rows.add(row);
    }
    return new ArchCsv(source, header, archs, rows);
  }

  /**
   * Returns where the table came from.
   *
   * @return the file or source name given when reading
   */
  public String source() {
    return source;
  }

  /**
   * Returns the header.
   *
   * @return column names in file order
   */
  public List<String> columns() {
    return header;
  }

  /**
   * Returns the numeric columns other than the keys: the columns a user may pick as values.
   *
   * @return names in file order
   */
  public List<String> valueColumns() {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      if (!KEYS.contains(header.get(c)) && isNumeric(c)) {
        names.add(header.get(c));
      }
    }
    return names;
  }

  /**
   * Returns one column's values; rows with an empty field are skipped.
   *
   * @param column the column name
   * @return arch index to value, ordered by index
   * @throws IllegalArgumentException if the column is missing (listing the value columns), a
   *     field is not a finite number, or a cell appears twice with a value
   */
  public Map<Integer, Double> column(String column) {
    int c = header.indexOf(column);
    if (c < 0 || KEYS.contains(column)) {
      throw new IllegalArgumentException(source + ": no column '" + column + "'; value columns: "
          + String.join(", ", valueColumns()));
    }
    Map<Integer, Double> values = new TreeMap<>();
    for (int r = 0; r < rows.size(); r++) {
      String field = rows.get(r)[c].trim();
      if (field.isEmpty()) {
        continue;
      }
      double value = number(field, r, column);
      if (values.put(archs.get(r).index(), value) != null) {
        throw new IllegalArgumentException(String.format("%s:%d: cell %s appears twice", source,
            r + 2, archs.get(r).index()));
      }
    }
    return values;
  }

  /**
   * Returns one column as latencies.
   *
   * @param column the column name (milliseconds)
   * @return the dataset, named {@code FILE:COLUMN}
   * @throws IllegalArgumentException as {@link #column}, or for a value that is not positive
   */
  public LatencyData latency(String column) {
    return LatencyData.of(source + ":" + column, column(column));
  }

  private double number(String field, int r, String column) {
    try {
      double value = Double.parseDouble(field);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the line
    }
    throw new IllegalArgumentException(String.format("%s:%d: column %s: '%s' is not a finite "
        + "number", source, r + 2, column, field));
  }

  private boolean isNumeric(int c) {
    boolean any = false;
    for (String[] row : rows) {
      String field = row[c].trim();
      if (!field.isEmpty()) {
        try {
          Double.parseDouble(field);
          any = true;
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    return any;
  }

  private static Arch key(String source, int line, String[] row, int[] keys) {
    Arch found = null;
    for (int k = 0; k < keys.length; k++) {
      if (keys[k] < 0) {
        continue;
      }
      String field = row[keys[k]].trim();
      Arch arch;
      try {
        arch = k == 0 ? Arch.fromIndex(Integer.parseInt(field)) : Arch.parse(field);
      } catch (NumberFormatException | ArchFormatException | IndexOutOfBoundsException e) {
        throw new IllegalArgumentException(String.format("%s:%d: bad %s '%s'", source, line,
            KEYS.get(k), field), e);
      }
      if (found != null && !found.equals(arch)) {
        throw new IllegalArgumentException(String.format("%s:%d: %s '%s' is not the cell of %s",
            source, line, KEYS.get(k), field, found.index()));
      }
      found = arch;
    }
    return found;
  }

  /** Splits one CSV line; a quoted field may hold commas and doubled quotes. */
  static String[] fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    fields.add(field.toString());
    return fields.toArray(String[]::new);
  }
}
