package dev.latlab.cli.search;

/**
 * What was asked of a search, as the outputs echo it.
 *
 * @param accuracyFile the accuracy table
 * @param metric the query metric
 * @param reportMetric the report metric
 * @param budget queries per run
 * @param runs runs per strategy
 * @param seed seed of the first run
 */
record SearchSettings(String accuracyFile, String metric, String reportMetric, int budget,
    int runs, long seed) {}
