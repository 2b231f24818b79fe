package dev.latlab.cli.search;

import dev.latlab.predictor.search.ArchValues;
import dev.latlab.predictor.search.LatencyEstimator;
import dev.latlab.predictor.search.LatencyLimit;
import io.grpc.ManagedChannel;

/**
 * The latency side of a search as the options resolved it: the limit, what judges it, and what
 * the outputs need. Closing it shuts the collector channel down, if any.
 *
 * @param limit the limit
 * @param kind {@code none}, {@code device-table}, {@code collector} or {@code latency-model}
 * @param source names the table, target or model
 * @param deviceTable the device table, or null
 * @param model the latency model's estimator, or null
 * @param measureBudget measurements allowed per run, or null when nothing is measured
 * @param channel the collector channel, or null
 */
record LatencySetup(LatencyLimit limit, String kind, String source, ArchValues deviceTable,
    LatencyEstimator model, Integer measureBudget, ManagedChannel channel)
    implements AutoCloseable {

  static LatencySetup none() {
    return new LatencySetup(LatencyLimit.none(), "none", null, null, null, null, null);
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.shutdownNow();
    }
  }
}
