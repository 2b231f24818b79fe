package dev.latlab.predictor.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.nb201.Arch;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strategies without a latency limit: budget accounting, reproducibility, quality. */
class StrategiesTest {
  private static final ArchValues C100 = SharedTables.accuracy("cifar100_test_acc");
  private static final SearchProblem PROBLEM_100 =
      new SearchProblem(C100, C100, 100, LatencyLimit.none());

  @ParameterizedTest
  @ValueSource(strings = {"random", "rea", "ridge"})
  void run_spendsExactlyTheBudgetOnDistinctCells(String name) {
    RunResult r = run(PROBLEM_100, name, 4);
    List<Arch> queried = r.trace().stream().map(TraceEvent::arch).toList();
    assertThat(r.queries()).isEqualTo(100);
    assertThat(queried).hasSize(100).doesNotHaveDuplicates();
    assertThat(r.measurements()).isZero();
    assertThat(r.answer().arch()).isEqualTo(
        queried.stream().max((a, b) -> Double.compare(C100.get(a), C100.get(b))).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"random", "rea", "ridge"})
  void run_sameSeed_sameTrace_otherSeed_otherTrace(String name) {
    assertThat(run(PROBLEM_100, name, 7).trace()).isEqualTo(run(PROBLEM_100, name, 7).trace());
    assertThat(run(PROBLEM_100, name, 7).trace()).isNotEqualTo(run(PROBLEM_100, name, 8).trace());
  }

  @Test
  void curve_isBestSoFarReportMetric_nonDecreasing() {
    ArchValues c10 = SharedTables.accuracy("cifar10_test_acc");
    ArchValues valid = SharedTables.accuracy("cifar10valid_valid_acc");
    RunResult r = new SearchProblem(valid, c10, 50, LatencyLimit.none())
        .run("random", Strategies.create("random", StrategyOptions.defaults()), 1,
            SearchListener.NONE);
    double[] curve = r.curve();
    double bestValid = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < curve.length; i++) {
      TraceEvent e = r.trace().get(i);
      assertThat(e.report()).isEqualTo(c10.get(e.arch()));
      bestValid = Math.max(bestValid, e.accuracy());
    }
    // The answer is chosen on the query metric and reported on the other one.
    assertThat(r.answer().accuracy()).isEqualTo(bestValid);
    assertThat(curve[49]).isEqualTo(r.answer().report()).isEqualTo(c10.get(r.answer().arch()));
  }

  @Test
  void rea_over20Runs_beatsRandomAtBudget100() {
    double random = meanBest("random", 20);
    double rea = meanBest("rea", 20);
    assertThat(rea).isGreaterThan(random);
    assertThat(random).isBetween(70.5, 72.5);
  }

  @Test
  void rea_mutate_changesExactlyOneEdge() {
    SplittableRandom random = new SplittableRandom(1);
    int[] hits = new int[Arch.EDGES];
    for (int i = 0; i < 9000; i++) {
      Arch parent = Arch.fromIndex(random.nextInt(Arch.COUNT));
      Arch child = RegularizedEvolution.mutate(parent, random);
      List<Integer> changed = IntStream.range(0, Arch.EDGES)
          .filter(e -> parent.op(e) != child.op(e)).boxed().toList();
      assertThat(changed).hasSize(1);
      hits[changed.get(0)]++;
    }
    // NB201's mutation: a node uniformly (1/3), then one of its inputs.
    assertThat(hits[0]).isBetween(2700, 3300);
    assertThat(hits[5]).isBetween(800, 1200);
  }

  @Test
  void iterativeSelection_oracleRanker_findsTheOptimumFast() {
    AccuracyRanker oracle = new AccuracyRanker() {
      @Override
      public void fit(List<Arch> queried, double[] accuracy, long seed) {}

      @Override
      public int[] rank(List<Arch> candidates) {
        return IntStream.range(0, candidates.size()).boxed()
            .sorted((i, j) -> Double.compare(C100.get(candidates.get(j)),
                C100.get(candidates.get(i))))
            .mapToInt(Integer::intValue).toArray();
      }
    };
    SearchProblem problem = new SearchProblem(C100, C100, 20, LatencyLimit.none());
    RunResult r = problem.run("oracle", new IterativeSelection(oracle, 10, 0.5), 0,
        SearchListener.NONE);
    // Iteration 1 is random; iteration 2 takes the 5 true best first.
    assertThat(r.answer().arch().index()).isEqualTo(9930);
    assertThat(r.trace().get(10).arch().index()).isEqualTo(9930);
    assertThat(r.curve()[10]).isEqualTo(C100.get(Arch.fromIndex(9930)));
  }

  @Test
  void problem_budgetBeyondTheSpace_isBadInput() {
    assertThatThrownBy(() -> new SearchProblem(C100, C100, 15626, LatencyLimit.none()))
        .isInstanceOf(SearchInputException.class)
        .hasMessageContaining("the budget must be 1..15625");
  }

  @Test
  void strategies_unknownName_isBadInput() {
    assertThat(Strategies.available()).containsExactly("random", "rea", "brp", "gcn", "ridge");
    assertThatThrownBy(() -> Strategies.check("annealing"))
        .isInstanceOf(SearchInputException.class)
        .hasMessageContaining("unknown strategy 'annealing' (available: random, rea, brp, gcn, "
            + "ridge)");
  }

  @Test
  void context_queryTwice_countsOnce_andBudgetIsEnforced() {
    SearchContext context = new SearchContext(C100, C100, 2, new NoLimit(),
        new Recorder(SearchListener.NONE), new SplittableRandom(0));
    context.query(Arch.fromIndex(1));
    context.query(Arch.fromIndex(1));
    assertThat(context.used()).isEqualTo(1);
    context.query(Arch.fromIndex(2));
    assertThat(context.exhausted()).isTrue();
    assertThat(context.query(Arch.fromIndex(2))).isEqualTo(C100.get(Arch.fromIndex(2)));
    assertThatThrownBy(() -> context.query(Arch.fromIndex(3)))
        .isInstanceOf(IllegalStateException.class);
  }

  private static double meanBest(String name, int runs) {
    return LongStream.range(0, runs).mapToDouble(s -> run(PROBLEM_100, name, s).answer().report())
        .average().orElseThrow();
  }

  private static RunResult run(SearchProblem problem, String name, long seed) {
    return problem.run(name, Strategies.create(name, StrategyOptions.defaults()), seed,
        SearchListener.NONE);
  }
}
