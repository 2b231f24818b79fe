package dev.latlab.predictor.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.nb201.Arch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The latency limit with a device table in the loop: screening, verification, budgets. */
class HardwareLoopTest {
  private static final ArchValues C100 = SharedTables.accuracy("cifar100_test_acc");
  private static final ArchValues MOBILE = SharedTables.latency(SharedTables.MOBILE);
  /** About the 25th percentile of the mobile CPU's latencies. */
  private static final double LIMIT = 7.5;

  @ParameterizedTest
  @ValueSource(strings = {"random", "rea", "ridge"})
  void answer_isBestQueriedCellMeasuredUnderTheLimit(String name) {
    CountingDevice device = new CountingDevice(new TableDevice(MOBILE));
    RunResult r = run(name, device, MeasurementPlan.withBudget(50), 100, 3);

    assertThat(r.answer().verified()).isTrue();
    assertThat(r.answer().latencyMs()).isEqualTo(MOBILE.get(r.answer().arch()))
        .isLessThanOrEqualTo(LIMIT);
    assertThat(r.measurements()).isEqualTo(device.cells.size()).isLessThanOrEqualTo(50);
    assertThat(device.cells).doesNotHaveDuplicates();
    // No queried cell that was measured under the limit beats the answer on the query metric.
    for (TraceEvent e : r.trace()) {
      if (e.kind() == TraceEvent.Kind.QUERY && r.measured().getOrDefault(e.arch(), 99.0) <= LIMIT) {
        assertThat(e.accuracy()).isLessThanOrEqualTo(r.answer().accuracy());
      }
    }
  }

  @Test
  void queriedCellBeatingTheAnswer_isMeasuredRightAfterItsQuery() {
    RunResult r = run("random", new TableDevice(MOBILE), MeasurementPlan.withBudget(50), 60, 1);
    List<TraceEvent> trace = r.trace();
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < trace.size(); i++) {
      TraceEvent e = trace.get(i);
      if (e.kind() == TraceEvent.Kind.QUERY && e.accuracy() > best) {
        boolean measuredBefore = trace.subList(0, i).stream()
            .anyMatch(p -> p.kind() == TraceEvent.Kind.MEASURE && p.arch() == e.arch());
        if (!measuredBefore) {
          assertThat(trace.get(i + 1).kind()).isEqualTo(TraceEvent.Kind.MEASURE);
          assertThat(trace.get(i + 1).arch()).isEqualTo(e.arch());
        }
        if (r.measured().get(e.arch()) <= LIMIT) {
          best = e.accuracy();
        }
      }
    }
  }

  @Test
  void unmeasuredQueries_passTheScreening() {
    MeasurementPlan plan = new MeasurementPlan(50, 8, 0.0);
    RunResult r = run("random", new TableDevice(MOBILE), plan, 100, 2);
    for (TraceEvent e : r.trace()) {
      if (e.kind() == TraceEvent.Kind.QUERY) {
        // With no margin, every query was estimated under the limit when it was made.
        assertThat(e.estimatedMs()).isLessThanOrEqualTo(LIMIT);
      }
    }
    long under = r.trace().stream().filter(e -> e.kind() == TraceEvent.Kind.QUERY)
        .filter(e -> MOBILE.get(e.arch()) <= LIMIT).count();
    // About a quarter of all cells meet the limit; screening makes most queries meet it.
    assertThat(under).isGreaterThan(70);
  }

  @Test
  void initialMeasurements_comeFirst_andAreCounted() {
    RunResult r = run("rea", new TableDevice(MOBILE), new MeasurementPlan(20, 8, 0.1), 30, 0);
    assertThat(r.trace().subList(0, 8)).allMatch(e -> e.kind() == TraceEvent.Kind.MEASURE)
        .allMatch(e -> e.queries() == 0);
    assertThat(r.trace().get(8).kind()).isEqualTo(TraceEvent.Kind.QUERY);
    assertThat(r.measurements()).isLessThanOrEqualTo(20);
  }

  @Test
  void measureBudgetSpent_laterBetterCellsAreNotAnswers() {
    // Two measurements: one initial, one to verify; after that nothing new can be verified.
    RunResult r = run("random", new TableDevice(MOBILE), new MeasurementPlan(2, 1, 0.1), 100, 5);
    assertThat(r.measurements()).isEqualTo(2);
    if (r.answer() != null) {
      assertThat(r.measured()).containsKey(r.answer().arch());
      assertThat(r.answer().latencyMs()).isLessThanOrEqualTo(LIMIT);
    }
  }

  @Test
  void limitBelowEveryCell_noAnswer_andMeasurementsStopAtTheBudget() {
    SearchProblem problem = new SearchProblem(C100, C100, 30,
        LatencyLimit.measured(0.5, new TableDevice(MOBILE), MeasurementPlan.withBudget(12),
            OpCountLatencyEstimator::new));
    RunResult r = problem.run("rea", Strategies.create("rea", StrategyOptions.defaults()), 0,
        SearchListener.NONE);
    assertThat(r.answer()).isNull();
    assertThat(r.measurements()).isEqualTo(12);
    assertThat(r.curve()).containsOnly(Double.NaN);
  }

  @Test
  void cellsWithoutDeviceValue_neverAnswers() {
    // Only degenerate cells lack a mobile latency; with no limit pressure they still cannot win.
    CountingDevice device = new CountingDevice(new TableDevice(MOBILE));
    Arch degenerate = Arch.parse("000000");
    assertThat(device.measure(List.of(degenerate, Arch.fromIndex(0))))
        .containsOnlyKeys(Arch.fromIndex(0));
    assertThat(device.cells).hasSize(2);
  }

  @Test
  void estimatedLimit_answerMeetsTheEstimate_unverified() {
    OpCountLatencyEstimator model = new OpCountLatencyEstimator();
    List<Arch> train = Arch.all().stream().filter(MOBILE::has).limit(300).toList();
    model.fit(train, train.stream().mapToDouble(MOBILE::get).toArray(), 0);
    SearchProblem problem = new SearchProblem(C100, C100, 50,
        LatencyLimit.estimated(LIMIT, model));
    RunResult r = problem.run("random", Strategies.create("random", StrategyOptions.defaults()),
        0, SearchListener.NONE);
    assertThat(r.measurements()).isZero();
    assertThat(r.answer().verified()).isFalse();
    assertThat(r.answer().latencyMs()).isEqualTo(model.predictMs(r.answer().arch()))
        .isLessThanOrEqualTo(LIMIT);
  }

  @Test
  void summary_countsViolationsOnTheTable_andTheOptimumShare() {
    List<RunResult> runs = new ArrayList<>();
    for (long seed = 0; seed < 4; seed++) {
      runs.add(run("rea", new TableDevice(MOBILE), MeasurementPlan.withBudget(50), 100, seed));
    }
    LatencyLimit limit = LatencyLimit.measured(LIMIT, new TableDevice(MOBILE),
        MeasurementPlan.withBudget(50), OpCountLatencyEstimator::new);
    double optimum = Optimum.of(C100, C100, MOBILE, LIMIT);
    SearchSummary s = SearchSummary.of("rea", 100, runs, optimum, limit, MOBILE);
    assertThat(s.violations()).isZero();
    assertThat(s.meanBest()).isLessThanOrEqualTo(optimum)
        .isEqualTo(runs.stream().mapToDouble(r -> r.answer().report()).average().orElseThrow());
    assertThat(s.curve()[99]).isEqualTo(s.meanBest());
    // A table on which every answer breaks a smaller limit: all runs are violations.
    SearchSummary strict = SearchSummary.of("rea", 100, runs, optimum,
        LatencyLimit.measured(1.0, new TableDevice(MOBILE), MeasurementPlan.withBudget(50),
            OpCountLatencyEstimator::new), MOBILE);
    assertThat(strict.violations()).isEqualTo(4);
  }

  @Test
  void optimum_bestReportMetricMeetingTheTable() {
    Arch best = Optimum.best(C100, C100, MOBILE, LIMIT);
    assertThat(MOBILE.get(best)).isLessThanOrEqualTo(LIMIT);
    for (Arch a : Arch.all()) {
      if (MOBILE.get(a) <= LIMIT) {
        assertThat(C100.get(a)).isLessThanOrEqualTo(C100.get(best));
      }
    }
    assertThat(Optimum.of(C100, C100, null, Double.NaN)).isEqualTo(C100.get(Arch.fromIndex(9930)));
    assertThat(Optimum.best(C100, C100, MOBILE, 0.1)).isNull();
  }

  @Test
  void limit_notPositive_rejected() {
    assertThatThrownBy(() -> LatencyLimit.measured(0, new TableDevice(MOBILE),
        MeasurementPlan.withBudget(1), OpCountLatencyEstimator::new))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MeasurementPlan(0, 8, 0.1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static RunResult run(String name, LatencyDevice device, MeasurementPlan plan,
      int budget, long seed) {
    SearchProblem problem = new SearchProblem(C100, C100, budget,
        LatencyLimit.measured(LIMIT, device, plan, OpCountLatencyEstimator::new));
    return problem.run(name, Strategies.create(name, StrategyOptions.defaults()), seed,
        SearchListener.NONE);
  }

  /** A real device that also records every cell it was asked to measure. */
  private static final class CountingDevice implements LatencyDevice {
    private final LatencyDevice device;
    final List<Arch> cells = new ArrayList<>();

    CountingDevice(LatencyDevice device) {
      this.device = device;
    }

    @Override
    public Map<Arch, Double> measure(List<Arch> batch) {
      Set<Arch> distinct = new HashSet<>(batch);
      assertThat(distinct).hasSameSizeAs(batch);
      cells.addAll(batch);
      return device.measure(batch);
    }

    @Override
    public String describe() {
      return device.describe();
    }
  }
}
