package dev.latlab.predictor.search;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The runs of one strategy, aggregated as {@code latlab search --json} reports them. Immutable.
 *
 * @param strategy the strategy's name
 * @param budget queries per run
 * @param runs the runs, in seed order
 * @param meanBest mean report metric of the answers (runs without an answer left out), NaN if no
 *     run answered
 * @param stdBest their population standard deviation (numpy's {@code np.std}), NaN if none
 * @param optimum the best report metric meeting the limit when the tables allow computing it,
 *     else NaN
 * @param foundOptimumShare share of all runs whose answer reaches the optimum, NaN without one
 * @param meanMeasured mean latency measurements per run
 * @param violations runs whose answer breaks the limit on the device table (or, on a live
 *     device, by its measurement); null when nothing was measured to judge it by
 * @param curve mean report metric of the answer after each query, over the runs with an answer
 *     at that point; NaN where none had one
 */
public record SearchSummary(String strategy, int budget, List<RunResult> runs, double meanBest,
    double stdBest, double optimum, double foundOptimumShare, double meanMeasured,
    Integer violations, double[] curve) {

  /**
   * Copies the mutable parts.
   */
  public SearchSummary {
    runs = List.copyOf(runs);
    curve = curve.clone();
  }

  /**
   * Aggregates runs.
   *
   * @param strategy the strategy's name
   * @param budget queries per run
   * @param runs the runs, at least one
   * @param optimum the optimum, NaN if unknown
   * @param limit the limit the runs searched under
   * @param deviceTable the table that stood in for the device, or null
   * @return the summary
   */
  public static SearchSummary of(String strategy, int budget, List<RunResult> runs,
      double optimum, LatencyLimit limit, ArchValues deviceTable) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("no runs to summarise");
    }
    double[] best = runs.stream().map(RunResult::answer).filter(Objects::nonNull)
        .mapToDouble(Answer::report).toArray();
    double mean = mean(best);
    double std = Math.sqrt(mean(Arrays.stream(best).map(b -> (b - mean) * (b - mean))
        .toArray()));
    double share = Double.isNaN(optimum) ? Double.NaN
        : Arrays.stream(best).filter(b -> b >= optimum).count() / (double) runs.size();
    double measured = runs.stream().mapToInt(RunResult::measurements).average().orElse(0);
    return new SearchSummary(strategy, budget, runs, mean, std, optimum, share, measured,
        violations(runs, limit, deviceTable), meanCurve(runs, budget));
  }

  /**
   * Returns the runs that gave an answer.
   *
   * @return 0..runs
   */
  public int answered() {
    return (int) runs.stream().filter(r -> r.answer() != null).count();
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

  private static Integer violations(List<RunResult> runs, LatencyLimit limit,
      ArchValues deviceTable) {
    if (!limit.isSet()) {
      return 0;
    }
    if (deviceTable != null) {
      // Judged on the table itself, not on what the search recorded.
      return (int) runs.stream().map(RunResult::answer).filter(Objects::nonNull)
          .filter(a -> !(deviceTable.get(a.arch()) <= limit.ms())).count();
    }
    if (limit.verified()) {
      return (int) runs.stream().map(RunResult::answer).filter(Objects::nonNull)
          .filter(a -> !(a.latencyMs() <= limit.ms())).count();
    }
    return null;
  }

  private static double[] meanCurve(List<RunResult> runs, int budget) {
    List<double[]> curves = runs.stream().map(RunResult::curve).toList();
    double[] curve = new double[budget];
    for (int i = 0; i < budget; i++) {
      final int q = i;
      curve[i] = mean(curves.stream().mapToDouble(c -> c[q]).filter(v -> !Double.isNaN(v))
          .toArray());
    }
    return curve;
  }

  private static double mean(double[] values) {
    return values.length == 0 ? Double.NaN
        : Arrays.stream(values).sum() / values.length;
  }
}
