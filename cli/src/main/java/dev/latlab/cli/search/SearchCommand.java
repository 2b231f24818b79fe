package dev.latlab.cli.search;

import dev.latlab.cli.Json;
import dev.latlab.cli.Progress;
import dev.latlab.cli.UserException;
import dev.latlab.predictor.data.ArchCsv;
import dev.latlab.predictor.search.ArchValues;
import dev.latlab.predictor.search.Optimum;
import dev.latlab.predictor.search.RunResult;
import dev.latlab.predictor.search.SearchInputException;
import dev.latlab.predictor.search.SearchProblem;
import dev.latlab.predictor.search.SearchSummary;
import dev.latlab.predictor.search.Strategies;
import dev.latlab.predictor.search.StrategyOptions;
import dev.latlab.predictor.search.TraceEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab search}: find the most accurate cell under a latency limit. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Search NB201 for the most accurate cell, spending at most --budget accuracy queries "
          + "(reads of --metric from --accuracy) per run. With --max-latency-ms, candidates are "
          + "screened by a latency estimator, the best candidates are measured on the device "
          + "(--device-table or --collector, at most --measure-budget measurements per run) and "
          + "the answer is the best queried cell whose MEASURED latency meets the limit. With "
          + "--latency-model the limit is judged by the model alone and the answer is not "
          + "verified. Exit status 3 when no run found an answer. See docs/search.md.",
      ""
    })
public final class SearchCommand implements Callable<Integer> {
  /** Exit status when no run could give an answer (e.g. nothing verified under the limit). */
  public static final int NO_ANSWER = 3;

  @Spec CommandSpec spec;

  @Option(names = "--accuracy", required = true, paramLabel = "FILE",
      description = "Accuracy table: CSV with arch_index or arch_str and metric columns, e.g. "
          + "nb201_accuracy.csv.")
  Path accuracyFile;

  @Option(names = "--metric", required = true, paramLabel = "COL",
      description = "The column the search queries, e.g. cifar10valid_valid_acc.")
  String metric;

  @Option(names = "--report-metric", paramLabel = "COL",
      description = "The column answers are reported with, e.g. cifar10_test_acc. Default: "
          + "--metric.")
  String reportMetric;

  @Option(names = "--strategy", required = true, paramLabel = "NAME[,NAME...]", split = ",",
      description = "brp, gcn, rea, random or ridge; several run one after the other.")
  List<String> strategies;

  @Option(names = "--budget", required = true, paramLabel = "B",
      description = "Accuracy queries per run (each cell counted once).")
  int budget;

  @Option(names = "--runs", paramLabel = "R",
      description = "Independent runs, with seeds S, S+1, ... Default: ${DEFAULT-VALUE}.")
  int runs = 1;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the first run. "
      + "Default: ${DEFAULT-VALUE}.")
  long seed = 0;

  @Mixin LatencyOptions latency;

  @Option(names = "--population", paramLabel = "N",
      description = "rea: population size. Default: ${DEFAULT-VALUE}.")
  int population = StrategyOptions.defaults().population();

  @Option(names = "--tournament", paramLabel = "N",
      description = "rea: members sampled per tournament. Default: ${DEFAULT-VALUE}.")
  int tournament = StrategyOptions.defaults().sample();

  @Option(names = "--iteration-size", paramLabel = "N",
      description = "brp, gcn, ridge: queries per iteration of the data selection. "
          + "Default: ${DEFAULT-VALUE}.")
  int iterationSize = StrategyOptions.defaults().batch();

  @Option(names = "--alpha", paramLabel = "A",
      description = "brp, gcn, ridge: share of predicted-best picks per iteration, the rest are "
          + "random. Default: ${DEFAULT-VALUE}.")
  double alpha = StrategyOptions.defaults().alpha();

  @Option(names = "--json", description = "Print one JSON object (an array of them for several "
      + "strategies).")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write trace.csv, answer.json, best_so_far.png and pareto.png here.")
  Path out;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    StrategyOptions options = checkOptions();
    try {
      ArchCsv table = ArchValues.table(accuracyFile);
      ArchValues accuracy = ArchValues.of(table, metric);
      ArchValues report = reportMetric == null ? accuracy : ArchValues.of(table, reportMetric);
      try (LatencySetup setup = latency.resolve(accuracy)) {
        SearchProblem problem = new SearchProblem(accuracy, report, budget, setup.limit());
        double optimum = setup.limit().isSet() && setup.deviceTable() == null ? Double.NaN
            : Optimum.of(accuracy, report, setup.deviceTable(), setup.limit().ms());
        List<SearchSummary> summaries = new ArrayList<>();
        for (String strategy : strategies) {
          summaries.add(SearchSummary.of(strategy, budget, runAll(problem, strategy, options),
              optimum, setup.limit(), setup.deviceTable()));
        }
        SearchReport result = new SearchReport(settings(), setup, summaries,
            (System.nanoTime() - start) / 1e9);
        if (out != null) {
          SearchOutputs.write(out, result, report);
        }
        print(result);
        return summaries.stream().allMatch(s -> s.answered() == 0) ? NO_ANSWER : 0;
      }
    } catch (SearchInputException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  private StrategyOptions checkOptions() {
    if (budget < 1) {
      throw new UserException("--budget must be at least 1: " + budget);
    }
    if (runs < 1) {
      throw new UserException("--runs must be at least 1: " + runs);
    }
    try {
      strategies.forEach(Strategies::check);
    } catch (SearchInputException e) {
      throw new UserException(e.getMessage(), e);
    }
    latency.check();
    try {
      return new StrategyOptions(population, tournament, iterationSize, alpha);
    } catch (IllegalArgumentException e) {
      throw new UserException("invalid strategy option: " + e.getMessage(), e);
    }
  }

  private List<RunResult> runAll(SearchProblem problem, String strategy, StrategyOptions options) {
    List<RunResult> results = new ArrayList<>(runs);
    try (Progress progress = Progress.start("search " + strategy, (long) runs * budget)) {
      for (int r = 0; r < runs; r++) {
        int[] shown = {0};
        RunResult result = problem.run(strategy, Strategies.create(strategy, options), seed + r,
            e -> {
              if (e.kind() == TraceEvent.Kind.QUERY) {
                shown[0]++;
                progress.step();
              }
            });
        // An early stop (no candidates left) still moves the bar to the run's end.
        for (; shown[0] < budget; shown[0]++) {
          progress.step();
        }
        results.add(result);
      }
    }
    return results;
  }

  private void print(SearchReport report) {
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      List<Object> objects = new ArrayList<>(report.toJson());
      w.println(Json.write(objects.size() == 1 ? objects.get(0) : objects));
    } else {
      report.lines().forEach(w::println);
    }
    w.flush();
  }

  private SearchSettings settings() {
    return new SearchSettings(accuracyFile.toString(), metric,
        reportMetric == null ? metric : reportMetric, budget, runs, seed);
  }
}
