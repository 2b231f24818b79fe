package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;

/**
 * A run's answer: the best queried cell (on the query metric) that meets the latency limit.
 * Immutable.
 *
 * @param arch the cell
 * @param accuracy its query metric
 * @param report its report metric
 * @param latencyMs its latency: measured when {@code verified}, else estimated; NaN without a
 *     limit
 * @param verified whether the latency was measured on the device
 */
public record Answer(Arch arch, double accuracy, double report, double latencyMs,
    boolean verified) {}
