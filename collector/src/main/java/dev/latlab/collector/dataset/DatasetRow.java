package dev.latlab.collector.dataset;

import static java.util.Objects.requireNonNull;

import dev.latlab.nb201.Arch;
import dev.latlab.proto.v1.JobResult;

/**
 * One row of a dataset: a cell and the measurement that stands for it.
 *
 * @param arch the cell of this row
 * @param measured the cell that was actually measured: {@code arch} itself, or for a row filled
 *     from its compute class, the class member whose measurement was copied
 * @param latencyMs the row's latency in milliseconds, the stored {@code latency_ms} of {@code
 *     result}
 * @param result the measurement
 * @param environment the machine-state summary of {@code result}
 */
record DatasetRow(Arch arch, Arch measured, double latencyMs, JobResult result,
    EnvironmentSummary environment) {
  DatasetRow {
    requireNonNull(arch, "arch");
    requireNonNull(measured, "measured");
    requireNonNull(result, "result");
    requireNonNull(environment, "environment");
  }

  /** Returns this measurement as the row of another cell of the same compute class. */
  DatasetRow copyFor(Arch cell) {
    return new DatasetRow(cell, measured, latencyMs, result, environment);
  }

  /** Returns whether this row was copied from another cell. */
  boolean filled() {
    return arch != measured;
  }
}
