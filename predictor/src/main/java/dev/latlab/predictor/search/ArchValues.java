package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import dev.latlab.predictor.data.ArchCsv;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One number per NB201 cell (an accuracy or a latency column), NaN where the source has no value.
 * Immutable.
 */
public final class ArchValues {
  private final String name;
  private final double[] byIndex;

  /**
   * Creates the values.
   *
   * @param name names the source in messages, e.g. {@code nb201_accuracy.csv:cifar100_test_acc}
   * @param byIndex one value per arch index (15625), NaN for no value; copied
   * @throws IllegalArgumentException if there are not 15625 values
   */
  public ArchValues(String name, double[] byIndex) {
    if (byIndex.length != Arch.COUNT) {
      throw new IllegalArgumentException(
          "expected " + Arch.COUNT + " values, got " + byIndex.length);
    }
    this.name = name;
    this.byIndex = byIndex.clone();
  }

  /**
   * Reads a table for {@link #of}.
   *
   * @param file a CSV keyed by arch_index, arch_str or arch_vector
   * @return the table
   * @throws SearchInputException if the file is missing or malformed
   */
  public static ArchCsv table(Path file) {
    try {
      return ArchCsv.read(file);
    } catch (IllegalArgumentException e) {
      throw new SearchInputException(e.getMessage(), e);
    }
  }

  /**
   * Takes one column of a table.
   *
   * @param table the table
   * @param column a value column
   * @return the values, named {@code FILE_NAME:COLUMN}, NaN where a cell has no value
   * @throws SearchInputException if the column is missing or holds a non-number
   */
  public static ArchValues of(ArchCsv table, String column) {
    double[] byIndex = new double[Arch.COUNT];
    Arrays.fill(byIndex, Double.NaN);
    try {
      table.column(column).forEach((index, value) -> byIndex[index] = value);
    } catch (IllegalArgumentException e) {
      throw new SearchInputException(e.getMessage(), e);
    }
    String source = table.source();
    return new ArchValues(source.substring(source.lastIndexOf('/') + 1) + ":" + column, byIndex);
  }

  /**
   * Reads one column of a CSV file.
   *
   * @param file the table
   * @param column a value column
   * @return the values
   * @throws SearchInputException as {@link #table} and {@link #of}
   */
  public static ArchValues read(Path file, String column) {
    return of(table(file), column);
  }

  /**
   * Parses one column of CSV text.
   *
   * @param source names the text in messages and in the values' name
   * @param csv the table
   * @param column a value column
   * @return the values
   * @throws SearchInputException if the text or column is bad
   */
  public static ArchValues parse(String source, String csv, String column) {
    try {
      return of(ArchCsv.parse(source, csv), column);
    } catch (IllegalArgumentException e) {
      throw e instanceof SearchInputException s ? s : new SearchInputException(e.getMessage(), e);
    }
  }

  /**
   * Returns the name of the source.
   *
   * @return e.g. {@code FILE:COLUMN}
   */
  public String name() {
    return name;
  }

  /**
   * Returns whether a cell has a value.
   *
   * @param arch the cell
   * @return false where the source is empty
   */
  public boolean has(Arch arch) {
    return !Double.isNaN(byIndex[arch.index()]);
  }

  /**
   * Returns a cell's value.
   *
   * @param arch the cell
   * @return the value, NaN if there is none
   */
  public double get(Arch arch) {
    return byIndex[arch.index()];
  }

  /**
   * Returns how many cells have a value.
   *
   * @return 0..15625
   */
  public int count() {
    return (int) Arrays.stream(byIndex).filter(v -> !Double.isNaN(v)).count();
  }

  /**
   * Returns the smallest value.
   *
   * @return the minimum, NaN if no cell has a value
   */
  public double min() {
    return Arrays.stream(byIndex).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
  }
}
