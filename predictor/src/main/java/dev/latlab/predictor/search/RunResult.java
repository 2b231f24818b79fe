package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one search run. Immutable.
 *
 * @param strategy the strategy's name
 * @param seed the run's seed
 * @param answer the answer, or null if no queried cell could be shown to meet the limit
 * @param queries accuracy queries spent
 * @param measurements latency measurements spent
 * @param curve report metric of the answer after each query (length: the budget; NaN while there
 *     is no answer; after an early stop, the last value repeats)
 * @param trace every query and measurement, in order
 * @param measured every measured cell of the run with its latency (NaN: the device had none)
 * @param seconds wall time of the run
 */
public record RunResult(String strategy, long seed, Answer answer, int queries, int measurements,
    double[] curve, List<TraceEvent> trace, Map<Arch, Double> measured, double seconds) {

  /**
   * Copies the mutable parts.
   */
  public RunResult {
    curve = curve.clone();
    trace = List.copyOf(trace);
    measured = Map.copyOf(measured);
  }

  /**
   * Returns the curve.
   *
   * @return a fresh copy
   */
  @Override
  public double[] curve() {
    return curve.clone();
  }
}
