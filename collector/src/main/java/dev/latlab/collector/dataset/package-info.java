/**
 * Dataset export: turns a target's stored results into LatBench-style files (CSV, JSON, or
 * LatBench's own pickle). {@link dev.latlab.collector.dataset.DatasetExport} is the entry point and
 * {@link dev.latlab.collector.dataset.DatasetFormat} names the formats; everything else is
 * package-private.
 */
package dev.latlab.collector.dataset;
