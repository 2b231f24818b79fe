package dev.latlab.predictor.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.nb201.Arch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace CSV and the PNG plots. */
class OutputsTest {
  private static final ArchValues C100 = SharedTables.accuracy("cifar100_test_acc");
  private static final ArchValues MOBILE = SharedTables.latency(SharedTables.MOBILE);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

  @TempDir Path dir;

  @Test
  void traceCsv_oneRowPerEvent_queriesCarryTheirMeasuredLatency() throws IOException {
    LatencyLimit limit = LatencyLimit.measured(7.5, new TableDevice(MOBILE),
        MeasurementPlan.withBudget(30), OpCountLatencyEstimator::new);
    RunResult run = new SearchProblem(C100, C100, 40, limit)
        .run("rea", Strategies.create("rea", StrategyOptions.defaults()), 9, SearchListener.NONE);
    SearchSummary summary = SearchSummary.of("rea", 40, List.of(run), Double.NaN, limit, MOBILE);
    Path file = dir.resolve("trace.csv");
    TraceCsv.write(file, List.of(summary));

    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo(TraceCsv.HEADER);
    assertThat(lines).hasSize(run.trace().size() + 1);
    String answerRow = lines.stream().filter(l -> l.contains(",query,"))
        .filter(l -> l.split(",")[7].equals(Integer.toString(run.answer().arch().index())))
        .findFirst().orElseThrow();
    String[] f = answerRow.split(",", -1);
    assertThat(f[0]).isEqualTo("rea");
    assertThat(Double.parseDouble(f[12])).isEqualTo(run.answer().latencyMs(),
        org.assertj.core.api.Assertions.within(1e-6));
    assertThat(lines).filteredOn(l -> l.contains(",measure,")).hasSize(run.measurements());
  }

  @Test
  void plots_writePngFiles() throws IOException {
    SearchProblem problem = new SearchProblem(C100, C100, 30, LatencyLimit.none());
    List<RunResult> runs = List.of(problem.run("random",
        Strategies.create("random", StrategyOptions.defaults()), 0, SearchListener.NONE));
    SearchSummary s = SearchSummary.of("random", 30, runs, 73.51, LatencyLimit.none(), null);
    SearchPlots.bestSoFar(dir.resolve("curve.png"), List.of(s), "cifar100_test_acc", 73.51);
    Map<Arch, Double> latency = new HashMap<>();
    Arch.all().forEach(a -> latency.put(a, MOBILE.get(a)));
    Answer answer = new Answer(Arch.fromIndex(1), 70.3, 70.3, MOBILE.get(Arch.fromIndex(1)), true);
    SearchPlots.pareto(dir.resolve("pareto.png"), latency, "ms", C100,
        Map.of("rea", List.of(answer)), 7.5);
    for (String name : List.of("curve.png", "pareto.png")) {
      byte[] bytes = Files.readAllBytes(dir.resolve(name));
      assertThat(bytes).startsWith(PNG).hasSizeGreaterThan(10_000);
    }
  }

  @Test
  void paretoFront_keepsOnlyUndominatedPoints() {
    List<double[]> front = SearchPlots.front(List.of(new double[] {1, 50}, new double[] {2, 40},
        new double[] {2, 60}, new double[] {3, 55}, new double[] {4, 70}, new double[] {1, 45}));
    assertThat(front).extracting(p -> p[0]).containsExactly(1.0, 2.0, 4.0);
    assertThat(front).extracting(p -> p[1]).containsExactly(50.0, 60.0, 70.0);
  }
}
