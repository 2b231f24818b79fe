package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * What to search: the accuracy source (a query metric the search reads, a report metric the answer
 * is judged by), the query budget and the latency limit. Immutable; {@link #run} runs it once per
 * seed.
 */
public final class SearchProblem {
  private final ArchValues accuracy;
  private final ArchValues report;
  private final int budget;
  private final LatencyLimit limit;

  /**
   * Defines a problem.
   *
   * @param accuracy the query metric by cell; cells without a value are never candidates
   * @param report the report metric by cell; every cell with a query metric must have one
   * @param budget accuracy queries per run, 1..(cells with a query metric)
   * @param limit the latency limit
   * @throws SearchInputException if the budget is out of range or a candidate has no report value
   */
  public SearchProblem(ArchValues accuracy, ArchValues report, int budget, LatencyLimit limit) {
    this.accuracy = Objects.requireNonNull(accuracy, "accuracy");
    this.report = Objects.requireNonNull(report, "report");
    this.limit = Objects.requireNonNull(limit, "limit");
    int candidates = accuracy.count();
    if (budget < 1 || budget > candidates) {
      throw new SearchInputException("the budget must be 1.." + candidates + " (the cells with a "
          + "value of " + accuracy.name() + "): " + budget);
    }
    for (Arch a : Arch.all()) {
      if (accuracy.has(a) && !report.has(a)) {
        throw new SearchInputException("arch " + a.index() + " has a value of " + accuracy.name()
            + " but none of " + report.name());
      }
    }
    this.budget = budget;
  }

  /**
   * Returns the query budget.
   *
   * @return queries per run
   */
  public int budget() {
    return budget;
  }

  /**
   * Returns the latency limit.
   *
   * @return the limit
   */
  public LatencyLimit limit() {
    return limit;
  }

  /**
   * Runs one search. The same seed gives the same run when the device answers the same.
   *
   * @param name the strategy's name, for the result
   * @param strategy a fresh strategy
   * @param seed seeds the run
   * @param listener sees every query and measurement
   * @return the result
   */
  public RunResult run(String name, SearchStrategy strategy, long seed, SearchListener listener) {
    long start = System.nanoTime();
    SplittableRandom root = new SplittableRandom(seed);
    Recorder recorder = new Recorder(listener);
    LatencyGate gate = limit.gate(seed, recorder);
    gate.start(root.split());
    SearchContext context = new SearchContext(accuracy, report, budget, gate, recorder,
        root.split());
    strategy.run(context);
    return new RunResult(name, seed, answer(context.answer(), gate), recorder.queries(),
        recorder.measurements(), filled(context.curve(), recorder.queries()), recorder.events(),
        gate.measurements(), (System.nanoTime() - start) / 1e9);
  }

  private Answer answer(Arch arch, LatencyGate gate) {
    if (arch == null) {
      return null;
    }
    return new Answer(arch, accuracy.get(arch), report.get(arch), gate.latencyMs(arch),
        limit.verified());
  }

  /** Repeats the last value after an early stop, so every run's curve spans the budget. */
  private static double[] filled(double[] curve, int queries) {
    for (int i = Math.max(queries, 1); i < curve.length; i++) {
      curve[i] = curve[i - 1];
    }
    return curve;
  }
}
