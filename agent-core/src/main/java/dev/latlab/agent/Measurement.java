package dev.latlab.agent;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.NetworkSpec;

/**
 * The result of timing one network: what was measured, how, on what, and the raw samples. Immutable
 * by convention: the sample arrays are owned by this object and must not be modified.
 *
 * @param arch the cell
 * @param spec the network skeleton around it
 * @param backend the backend's identity (runtime, version, every setting)
 * @param protocol the protocol's identity
 * @param stats statistics of the timed runs
 * @param latencyMillis the protocol's chosen statistic, the dataset's latency
 * @param samplesNanos the timed runs, per round, in nanoseconds
 * @param stoppedEarly whether adaptive stopping ended timing before the maximum number of runs
 * @param wallNanos wall time of the whole measurement (load, warm-up, timing)
 * @param environment the machine's state right after timing
 */
public record Measurement(
    Arch arch,
    NetworkSpec spec,
    String backend,
    String protocol,
    LatencyStatistics stats,
    double latencyMillis,
    long[][] samplesNanos,
    boolean stoppedEarly,
    long wallNanos,
    Environment environment) {

  /**
   * Returns the number of timed runs.
   *
   * @return runs used
   */
  public int runs() {
    return stats.n();
  }
}
