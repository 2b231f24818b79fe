/**
 * Hardware-aware search over NB201: strategies ({@code random}, {@code rea} and the iterative data
 * selection loop of BRP-NAS against an {@link dev.latlab.predictor.search.AccuracyRanker}) that spend
 * a budget of accuracy queries, under an optional latency limit whose answer is verified by
 * measurements on a {@link dev.latlab.predictor.search.LatencyDevice} (hardware in the loop).
 *
 * <p>Entry points: {@link dev.latlab.predictor.search.ArchValues} reads accuracy and latency tables,
 * {@link dev.latlab.predictor.search.LatencyLimit} says how the limit is judged, {@link
 * dev.latlab.predictor.search.SearchProblem} runs one search per seed with a strategy from {@link
 * dev.latlab.predictor.search.Strategies}, {@link dev.latlab.predictor.search.SearchSummary}
 * aggregates runs, {@link dev.latlab.predictor.search.TraceCsv} and {@link
 * dev.latlab.predictor.search.SearchPlots} write the outputs. See docs/search.md.
 */
package dev.latlab.predictor.search;
