package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The latency limit inside one run: which candidates pass screening, what is known about a cell,
 * and measuring a cell to verify it. One instance per run (it holds the run's measurements).
 */
interface LatencyGate {
  /** What is known about a cell and the limit. */
  enum Verdict {
    /** The cell meets the limit (measured, or estimated when nothing can be measured). */
    MEETS,
    /** The cell breaks the limit, or the device could not measure it. */
    BREAKS,
    /** Not measured yet. */
    UNKNOWN
  }

  /** Takes the first measurements, before any query. */
  void start(SplittableRandom random);

  /** Returns whether a cell may be queried: it is not known or estimated to break the limit. */
  boolean passes(Arch arch);

  /**
   * Called when no candidate passes screening: measures the unmeasured candidate with the lowest
   * estimate, so that the refitted estimator can correct a pessimistic fit.
   *
   * @return whether a cell was measured (false: nothing to measure or no budget left)
   */
  boolean explore(Predicate<Arch> candidate);

  /** Returns what is known about a cell. */
  Verdict verdict(Arch arch);

  /** Measures a cell if the budget allows and it was not measured; returns whether it did. */
  boolean tryVerify(Arch arch);

  /** Returns the latency the answer is judged by: measured, or estimated, or NaN. */
  double latencyMs(Arch arch);

  /** Returns the estimator's latency for a cell, NaN without an estimator or fit. */
  double estimateMs(Arch arch);

  /** Returns every measurement of the run, NaN where the device had no value. */
  Map<Arch, Double> measurements();
}
