package dev.latlab.cli.search;

import dev.latlab.cli.Json;
import dev.latlab.cli.UserException;
import dev.latlab.nb201.Arch;
import dev.latlab.predictor.search.Answer;
import dev.latlab.predictor.search.ArchValues;
import dev.latlab.predictor.search.RunResult;
import dev.latlab.predictor.search.SearchPlots;
import dev.latlab.predictor.search.SearchSummary;
import dev.latlab.predictor.search.TraceCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The files of {@code --out DIR}: trace, answer and plots. */
final class SearchOutputs {
  private SearchOutputs() {}

  static void write(Path dir, SearchReport report, ArchValues reportMetric) {
    try {
      Files.createDirectories(dir);
      List<SearchSummary> summaries = report.summaries();
      TraceCsv.write(dir.resolve("trace.csv"), summaries);
      List<Map<String, Object>> json = report.toJson();
      Files.writeString(dir.resolve("answer.json"),
          Json.write(json.size() == 1 ? json.get(0) : json) + "\n");
      SearchPlots.bestSoFar(dir.resolve("best_so_far.png"), summaries,
          report.settings().reportMetric(), summaries.get(0).optimum());
      if (report.latency().limit().isSet()) {
        pareto(dir.resolve("pareto.png"), report, reportMetric);
      }
    } catch (IOException e) {
      throw new UserException("cannot write to " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The scatter shows every cell whose latency is known: table, model, or measured cells. */
  private static void pareto(Path file, SearchReport report, ArchValues reportMetric)
      throws IOException {
    LatencySetup latency = report.latency();
    Map<Arch, Double> points = new HashMap<>();
    String label;
    if (latency.deviceTable() != null) {
      Arch.all().forEach(a -> points.put(a, latency.deviceTable().get(a)));
      label = "latency (ms), " + latency.deviceTable().name();
    } else if (latency.model() != null) {
      Arch.all().forEach(a -> points.put(a, latency.model().predictMs(a)));
      label = "predicted latency (ms), " + latency.source();
    } else {
      report.summaries().forEach(s -> s.runs().forEach(r -> points.putAll(r.measured())));
      label = "measured latency (ms), cells measured by the search";
    }
    Map<String, List<Answer>> answers = new LinkedHashMap<>();
    for (SearchSummary s : report.summaries()) {
      answers.put(s.strategy(), s.runs().stream().map(RunResult::answer)
          .filter(Objects::nonNull).toList());
    }
    SearchPlots.pareto(file, points, label, reportMetric, answers, latency.limit().ms());
  }
}
