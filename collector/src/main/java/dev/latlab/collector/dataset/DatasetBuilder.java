package dev.latlab.collector.dataset;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.latlab.collector.store.ResultRow;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.SearchSpace;
import dev.latlab.proto.v1.JobResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds a target's {@link Dataset} from its stored results.
 *
 * <p><b>Repeats.</b> When a cell has several results, its row is the result with the <i>low
 * median</i> latency: the results are sorted by {@code latency_ms} (ties by storage time, then job
 * id) and the one at position {@code (n - 1) / 2} is taken. For an odd count this is the median;
 * for an even count it is the lower of the two middle values rather than their mean, so that a
 * row's latency and all its other statistics, samples and environment come from one real
 * measurement.
 *
 * <p><b>Compute classes.</b> With filling on, every cell of a compute class with at least one
 * measured member gets a row: measured cells keep their own, the others get a copy of the row of
 * the measured member with the smallest index ({@code measured_index} names it). The degenerate
 * cells (output always zero) are never filled, because LatBench did not measure them; a degenerate
 * cell measured directly keeps its row.
 */
final class DatasetBuilder {
  private static final Comparator<ResultRow> MEDIAN_ORDER =
      Comparator.comparingDouble(ResultRow::latencyMs)
          .thenComparingLong(ResultRow::storedAtMillis)
          .thenComparing(ResultRow::jobId);

  private DatasetBuilder() {}

  /**
   * Builds the dataset.
   *
   * @param results the results of one target, in any order
   * @param fillComputeClasses whether to give unmeasured members of measured compute classes a row
   * @return the dataset, sorted by arch index
   * @throws NoSuchElementException if there are no results
   * @throws IllegalArgumentException if the results belong to more than one target
   * @throws IllegalStateException if a stored result cannot be parsed
   */
  static Dataset build(List<ResultRow> results, boolean fillComputeClasses) {
    if (results.isEmpty()) {
      throw new NoSuchElementException("no results to export");
    }
    checkOneTarget(results);
    Map<Integer, DatasetRow> rows = measuredRows(results);
    if (fillComputeClasses) {
      fill(rows);
    }
    return new Dataset(new ArrayList<>(rows.values()));
  }

  private static void checkOneTarget(List<ResultRow> results) {
    Set<String> targets = results.stream().map(ResultRow::target)
        .collect(Collectors.toCollection(TreeSet::new));
    if (targets.size() > 1) {
      throw new IllegalArgumentException("a dataset is for one target, got results of " + targets);
    }
  }

  /** One row per measured cell, keyed and so sorted by arch index. */
  private static Map<Integer, DatasetRow> measuredRows(List<ResultRow> results) {
    Map<Integer, List<ResultRow>> byArch = results.stream()
        .collect(Collectors.groupingBy(ResultRow::archIndex, TreeMap::new, Collectors.toList()));
    Map<Integer, DatasetRow> rows = new TreeMap<>();
    byArch.forEach((index, repeats) -> rows.put(index, row(lowMedian(repeats))));
    return rows;
  }

  // Visible for testing.
  static ResultRow lowMedian(List<ResultRow> repeats) {
    List<ResultRow> sorted = new ArrayList<>(repeats);
    sorted.sort(MEDIAN_ORDER);
    return sorted.get((sorted.size() - 1) / 2);
  }

  private static DatasetRow row(ResultRow stored) {
    Arch arch = Arch.fromIndex(stored.archIndex());
    JobResult result = parse(stored);
    return new DatasetRow(arch, arch, stored.latencyMs(), result,
        EnvironmentSummary.parse(result.getEnvironmentJson()));
  }

  private static JobResult parse(ResultRow stored) {
    try {
      return JobResult.parseFrom(stored.result());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored result of job " + stored.jobId()
          + " is not a JobResult", e);
    }
  }

  /** Adds the rows of unmeasured members of measured, non-degenerate compute classes. */
  private static void fill(Map<Integer, DatasetRow> rows) {
    Map<Integer, DatasetRow> copies = new TreeMap<>();
    for (List<Arch> members : ComputeClasses.all().values()) {
      if (SearchSpace.isDegenerate(members.get(0))) {
        continue;
      }
      members.stream().map(a -> rows.get(a.index())).filter(Objects::nonNull).findFirst()
          .ifPresent(source -> copyToUnmeasured(source, members, rows, copies));
    }
    rows.putAll(copies);
  }

  private static void copyToUnmeasured(DatasetRow source, List<Arch> members,
      Map<Integer, DatasetRow> rows, Map<Integer, DatasetRow> copies) {
    for (Arch member : members) {
      if (!rows.containsKey(member.index())) {
        copies.put(member.index(), source.copyFor(member));
      }
    }
  }
}
