package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;

/**
 * One step of a search, in order: an accuracy query or a latency measurement. Immutable.
 *
 * @param step 1-based position in the run's trace
 * @param kind what happened
 * @param arch the cell
 * @param queries accuracy queries spent so far, this one included
 * @param measurements latency measurements spent so far, this one included
 * @param accuracy the query metric read (queries), NaN for measurements
 * @param report the report metric of the cell (queries), NaN for measurements
 * @param estimatedMs the latency estimator's prediction at that moment, NaN without one
 * @param measuredMs the measured latency (measurements), NaN for queries or when the device had no
 *     value
 */
public record TraceEvent(int step, Kind kind, Arch arch, int queries, int measurements,
    double accuracy, double report, double estimatedMs, double measuredMs) {

  /** What a trace step did. */
  public enum Kind {
    /** An accuracy query: the query metric of a cell was read (spends the budget). */
    QUERY,
    /** A latency measurement on the device (spends the measure budget). */
    MEASURE
  }
}
