package dev.latlab.collector.dataset;

import dev.latlab.collector.store.ResultRow;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Exports a target's stored results as a dataset file. The entry point of the dataset package.
 *
 * <p>One row per measured cell, sorted by {@code arch_index}. A cell measured several times gets
 * the result with the low median {@code latency_ms} (position {@code (n - 1) / 2} of the results
 * sorted by latency, then storage time, then job id), so every row is one real measurement. With
 * {@code fillComputeClasses}, each unmeasured cell of a compute class with a measured member also
 * gets a row, copied from the measured member with the smallest index ({@code measured_index} names
 * it); degenerate cells are never filled.
 */
public final class DatasetExport {
  /**
   * The CSV header: the agent sweep CSV's columns ({@code SweepCsv.HEADER} in agent-core), then
   * {@code measured_index}. The collector does not depend on agent-core; a test in the cli module,
   * which sees both, keeps the two equal.
   */
  public static final String CSV_HEADER = DatasetColumn.HEADER;

  private DatasetExport() {}

  /**
   * Builds a target's dataset and encodes it.
   *
   * @param results the stored results of one target, in any order
   * @param format a format's CLI name: {@code csv}, {@code json} or {@code latbench-pickle}
   * @param fillComputeClasses whether unmeasured members of measured compute classes get a copied
   *     row
   * @return the file's bytes
   * @throws IllegalArgumentException if the format is unknown (checked first; the message lists the
   *     valid names), or if the results belong to more than one target
   * @throws NoSuchElementException if there are no results
   * @throws IllegalStateException if a stored result is not a serialised {@code JobResult}
   */
  public static byte[] export(List<ResultRow> results, String format, boolean fillComputeClasses) {
    return export(results, DatasetFormat.fromCliName(format), fillComputeClasses);
  }

  /**
   * Builds a target's dataset and encodes it.
   *
   * @param results the stored results of one target, in any order
   * @param format the format
   * @param fillComputeClasses whether unmeasured members of measured compute classes get a copied
   *     row
   * @return the file's bytes
   * @throws IllegalArgumentException if the results belong to more than one target
   * @throws NoSuchElementException if there are no results
   * @throws IllegalStateException if a stored result is not a serialised {@code JobResult}
   */
  public static byte[] export(List<ResultRow> results, DatasetFormat format,
      boolean fillComputeClasses) {
    return format.write(DatasetBuilder.build(results, fillComputeClasses));
  }
}
