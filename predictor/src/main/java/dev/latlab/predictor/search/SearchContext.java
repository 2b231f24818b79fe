package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One run as a strategy sees it: the budget, accuracy queries (each cell counted once), the
 * candidates that pass the latency screening, and the run's random stream.
 *
 * <p>After every new query the context keeps the answer current: if the queried cell beats the
 * answer on the query metric, it is measured at once (hardware in the loop; the measurement also
 * refits the latency estimator) and becomes the answer if it meets the limit.
 */
public final class SearchContext {
  private static final int RANDOM_TRIES = 64;

  private final ArchValues accuracy;
  private final ArchValues report;
  private final int budget;
  private final LatencyGate gate;
  private final Recorder recorder;
  private final SplittableRandom random;
  private final List<Arch> queried = new ArrayList<>();
  private final boolean[] queriedFlag = new boolean[Arch.COUNT];
  private final double[] curve;
  private Arch answer;

  SearchContext(ArchValues accuracy, ArchValues report, int budget, LatencyGate gate,
      Recorder recorder, SplittableRandom random) {
    this.accuracy = accuracy;
    this.report = report;
    this.budget = budget;
    this.gate = gate;
    this.recorder = recorder;
    this.random = random;
    this.curve = new double[budget];
    Arrays.fill(curve, Double.NaN);
  }

  /**
   * Returns the query budget.
   *
   * @return queries allowed in the run
   */
  public int budget() {
    return budget;
  }

  /**
   * Returns the queries spent.
   *
   * @return distinct cells queried
   */
  public int used() {
    return queried.size();
  }

  /**
   * Returns whether the budget is spent.
   *
   * @return true when no new cell can be queried
   */
  public boolean exhausted() {
    return queried.size() >= budget;
  }

  /**
   * Returns the run's random stream; strategies draw from it (or {@code split()} it) only.
   *
   * @return the stream
   */
  public SplittableRandom random() {
    return random;
  }

  /**
   * Returns whether a cell may be queried: the accuracy table has it and it was queried already
   * or passes the latency screening.
   *
   * @param arch the cell
   * @return true for an allowed cell
   */
  public boolean allowed(Arch arch) {
    return accuracy.has(arch) && (isQueried(arch) || gate.passes(arch));
  }

  /**
   * Returns whether a cell was queried in this run.
   *
   * @param arch the cell
   * @return true once queried
   */
  public boolean isQueried(Arch arch) {
    return queriedFlag[arch.index()];
  }

  /**
   * Reads a cell's query metric; the first read of a cell spends one query.
   *
   * @param arch an allowed cell
   * @return its query metric
   * @throws IllegalStateException if the cell is new and the budget is spent
   * @throws IllegalArgumentException if the accuracy table has no value for the cell
   */
  public double query(Arch arch) {
    if (isQueried(arch)) {
      return accuracy.get(arch);
    }
    if (!accuracy.has(arch)) {
      throw new IllegalArgumentException("no accuracy for arch " + arch.index());
    }
    if (exhausted()) {
      throw new IllegalStateException("the budget of " + budget + " queries is spent");
    }
    queried.add(arch);
    queriedFlag[arch.index()] = true;
    recorder.query(arch, accuracy.get(arch), report.get(arch), gate.estimateMs(arch));
    consider(arch);
    curve[queried.size() - 1] = answer == null ? Double.NaN : report.get(answer);
    return accuracy.get(arch);
  }

  /**
   * Returns a queried cell's fitness for selection: its query metric, or negative infinity once
   * it is known to break the latency limit.
   *
   * @param arch a queried cell
   * @return the fitness
   */
  public double score(Arch arch) {
    return gate.verdict(arch) == LatencyGate.Verdict.BREAKS
        ? Double.NEGATIVE_INFINITY
        : accuracy.get(arch);
  }

  /**
   * Returns the queried cells in query order.
   *
   * @return an unmodifiable view
   */
  public List<Arch> queriedCells() {
    return Collections.unmodifiableList(queried);
  }

  /**
   * Returns the query metric of the queried cells, in query order.
   *
   * @return a fresh array
   */
  public double[] queriedAccuracies() {
    return queried.stream().mapToDouble(accuracy::get).toArray();
  }

  /**
   * Returns an allowed cell not queried yet, uniformly at random.
   *
   * @return the cell, or null if there is none
   */
  public Arch randomOpenCandidate() {
    for (int i = 0; i < RANDOM_TRIES; i++) {
      Arch a = Arch.fromIndex(random.nextInt(Arch.COUNT));
      if (!isQueried(a) && allowed(a)) {
        return a;
      }
    }
    // Few cells left open: draw from the explicit list rather than keep trying.
    List<Arch> open = openCandidates();
    return open.isEmpty() ? null : open.get(random.nextInt(open.size()));
  }

  /**
   * Returns every allowed cell not queried yet, in index order. If there is none while the
   * latency limit can still measure, the unqueried candidate with the lowest latency estimate is
   * measured (which refits the estimator) and the candidates are screened again.
   *
   * @return a fresh list
   */
  public List<Arch> openCandidates() {
    while (true) {
      List<Arch> open = new ArrayList<>();
      for (Arch a : Arch.all()) {
        if (!isQueried(a) && allowed(a)) {
          open.add(a);
        }
      }
      // Nothing passes screening: measuring the most promising cell corrects the estimator.
      if (!open.isEmpty() || !gate.explore(a -> accuracy.has(a) && !isQueried(a))) {
        return open;
      }
    }
  }

  Arch answer() {
    return answer;
  }

  double[] curve() {
    return curve.clone();
  }

  /** Keeps the answer the best queried cell that meets the limit; measures to find out. */
  private void consider(Arch arch) {
    if (answer != null && accuracy.get(arch) <= accuracy.get(answer)) {
      return;
    }
    LatencyGate.Verdict verdict = gate.verdict(arch);
    if (verdict == LatencyGate.Verdict.UNKNOWN && gate.tryVerify(arch)) {
      verdict = gate.verdict(arch);
    }
    if (verdict == LatencyGate.Verdict.MEETS) {
      answer = arch;
    }
  }
}
