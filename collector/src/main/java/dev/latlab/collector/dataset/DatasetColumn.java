package dev.latlab.collector.dataset;

import dev.latlab.proto.v1.JobResult;
import dev.latlab.proto.v1.Round;
import dev.latlab.proto.v1.Statistics;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The columns of a dataset, in order: the columns of agent-core's {@code SweepCsv.HEADER} (the
 * sweep CSV an agent writes locally), then {@code measured_index}. The collector does not depend on
 * agent-core, so the sweep columns are listed here a second time; keep both lists equal.
 *
 * <p>Each column gives a row's value as one of: {@link Integer}, {@link Double} (NaN when unknown),
 * {@link Boolean}, {@link String}, {@code long[][]} (raw run times in nanoseconds, one array per
 * round), or null when unknown. Writers format them; {@link #decimals()} is the CSV precision of a
 * {@link Double} column, the same as {@code SweepCsv}'s.
 */
enum DatasetColumn {
  ARCH_INDEX("arch_index", r -> r.arch().index()),
  ARCH_STR("arch_str", r -> r.arch().nb201String()),
  ARCH_VECTOR("arch_vector", r -> r.arch().vector()),
  LATENCY_MS("latency_ms", 6, DatasetRow::latencyMs),
  MEDIAN_MS("median_ms", 6, stat(Statistics::getMedianMs)),
  MEAN_MS("mean_ms", 6, stat(Statistics::getMeanMs)),
  STD_MS("std_ms", 6, stat(Statistics::getStdMs)),
  MIN_MS("min_ms", 6, stat(Statistics::getMinMs)),
  P10_MS("p10_ms", 6, stat(Statistics::getP10Ms)),
  P90_MS("p90_ms", 6, stat(Statistics::getP90Ms)),
  MAD_MS("mad_ms", 6, stat(Statistics::getMadMs)),
  LATBENCH_MS("latbench_ms", 6, stat(Statistics::getLatbenchMs)),
  CI_HALF_WIDTH("ci_half_width", 6, stat(Statistics::getCiHalfWidth)),
  RUNS("runs", r -> r.result().hasStats() ? r.result().getStats().getN() : null),
  STOPPED_EARLY("stopped_early", r -> r.result().getStoppedEarly()),
  MAX_TEMP_C("max_temp_c", 1, r -> r.environment().maxTempC()),
  MEAN_FREQ_MHZ("mean_freq_mhz", 0, r -> r.environment().meanFreqMhz()),
  LOAD_AVG("load_avg", 2, r -> r.environment().loadAvg()),
  /** The agent's drift guard does not report to the collector: always unknown. */
  CANARY_DRIFT("canary_drift", 4, r -> Double.NaN),
  BACKEND("backend", text(JobResult::getBackendIdentity)),
  PROTOCOL("protocol", text(JobResult::getProtocolIdentity)),
  NETWORK("network", text(JobResult::getNetworkIdentity)),
  DEVICE("device", text(JobResult::getDeviceFingerprint)),
  MEASURED_AT("measured_at", r -> measuredAt(r.result())),
  SAMPLES_US("samples_us", r -> nanos(r.result().getRoundsList())),
  MEASURED_INDEX("measured_index", r -> r.measured().index());

  /** The columns of agent-core's {@code SweepCsv.HEADER}: every column but the last. */
  static final List<DatasetColumn> SWEEP_COLUMNS =
      List.of(values()).subList(0, values().length - 1);

  /** The header row, without a line end. */
  static final String HEADER =
      Arrays.stream(values()).map(DatasetColumn::key).collect(Collectors.joining(","));

  private final String key;
  private final int decimals;
  private final Function<DatasetRow, Object> value;

  DatasetColumn(String key, Function<DatasetRow, Object> value) {
    this.key = key;
    this.decimals = -1;
    this.value = value;
  }

  DatasetColumn(String key, int decimals, ToDoubleFunction<DatasetRow> value) {
    this.key = key;
    this.decimals = decimals;
    this.value = r -> value.applyAsDouble(r);
  }

  /** Returns the column's name: the CSV header cell and the JSON key. */
  String key() {
    return key;
  }

  /** Returns the CSV decimals of a {@link Double} column, -1 for other columns. */
  int decimals() {
    return decimals;
  }

  /** Returns a row's value in this column; see the class comment for the types. */
  Object valueOf(DatasetRow row) {
    return value.apply(row);
  }

  private static ToDoubleFunction<DatasetRow> stat(ToDoubleFunction<Statistics> field) {
    return r -> r.result().hasStats() ? field.applyAsDouble(r.result().getStats()) : Double.NaN;
  }

  private static Function<DatasetRow, Object> text(Function<JobResult, String> field) {
    return r -> {
      String s = field.apply(r.result());
      return s.isEmpty() ? null : s;
    };
  }

  private static String measuredAt(JobResult result) {
    long millis = result.getMeasuredAtUnixMs();
    return millis == 0 ? null : Instant.ofEpochMilli(millis).toString();
  }

  private static long[][] nanos(List<Round> rounds) {
    return rounds.stream()
        .map(round -> round.getNanosList().stream().mapToLong(Long::longValue).toArray())
        .toArray(long[][]::new);
  }
}
