package dev.latlab.cli.demo;

import dev.latlab.cli.Progress;
import dev.latlab.cli.UserException;
import dev.latlab.cli.search.CollectorDevice;
import dev.latlab.nb201.Arch;
import dev.latlab.predictor.data.ArchCsv;
import dev.latlab.predictor.search.Answer;
import dev.latlab.predictor.search.ArchValues;
import dev.latlab.predictor.search.LatencyLimit;
import dev.latlab.predictor.search.MeasurementPlan;
import dev.latlab.predictor.search.OpCountLatencyEstimator;
import dev.latlab.predictor.search.RunResult;
import dev.latlab.predictor.search.SearchInputException;
import dev.latlab.predictor.search.SearchProblem;
import dev.latlab.predictor.search.Strategies;
import dev.latlab.predictor.search.StrategyOptions;
import dev.latlab.predictor.search.TraceEvent;
import dev.latlab.proto.v1.NetworkOptions;
import dev.latlab.proto.v1.Protocol;
import io.grpc.Channel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The demo's last step: a latency-limited search with the local agent in the loop. The limit is
 * the median latency of the campaign just measured; BRP-NAS ({@code brp}: binary relation GCN,
 * iterative data selection) spends 30 queries of CIFAR-10 validation accuracy, and at most 12 cells are measured on the agent (through the collector) to verify the
 * answer, which is reported with its CIFAR-10 test accuracy and measured latency.
 */
final class DemoSearch {
  static final String METRIC = "cifar10valid_valid_acc";
  static final String REPORT = "cifar10_test_acc";
  private static final String STRATEGY = "brp";
  private static final int BUDGET = 30;
  private static final MeasurementPlan PLAN = new MeasurementPlan(12, 4, 0.1);
  private static final Duration CAMPAIGN_TIMEOUT = Duration.ofMinutes(5);

  private DemoSearch() {}

  static void run(Channel channel, String address, String target, Protocol protocol,
      NetworkOptions network, Path datasetCsv, Path accuracyFile, long seed, PrintWriter out) {
    try {
      search(channel, address, target, protocol, network, datasetCsv, accuracyFile, seed, out);
    } catch (SearchInputException e) {
      throw new UserException("search step: " + e.getMessage(), e);
    }
  }

  private static void search(Channel channel, String address, String target, Protocol protocol,
      NetworkOptions network, Path datasetCsv, Path accuracyFile, long seed, PrintWriter out) {
    ArchCsv accuracy = ArchValues.table(accuracyFile);
    double limit = median(ArchValues.read(datasetCsv, "latency_ms"));
    CollectorDevice device = new CollectorDevice(channel, address, target, protocol, network, 30,
        CAMPAIGN_TIMEOUT);
    SearchProblem problem = new SearchProblem(ArchValues.of(accuracy, METRIC), ArchValues.of(accuracy, REPORT),
        BUDGET, LatencyLimit.measured(limit, device, PLAN, OpCountLatencyEstimator::new));
    out.printf(Locale.ROOT, "search: brp, %d queries of %s, limit %.4f ms (the campaign's median) "
        + "verified on %s%n", BUDGET, METRIC, limit, target);
    out.flush();
    RunResult result;
    try (Progress progress = Progress.start("searching", BUDGET)) {
      result = problem.run(STRATEGY, Strategies.create(STRATEGY, StrategyOptions.defaults()), seed,
          e -> {
            if (e.kind() == TraceEvent.Kind.QUERY) {
              progress.step();
            }
          });
    }
    out.println(answerLine(result, limit));
    out.printf(Locale.ROOT, "search step took %.1f s%n", result.seconds());
    out.flush();
  }

  private static String answerLine(RunResult r, double limit) {
    Answer a = r.answer();
    if (a == null) {
      return String.format(Locale.ROOT, "no answer: no queried cell was measured under %.4f ms "
          + "within %d measurements", limit, r.measurements());
    }
    Arch arch = a.arch();
    return String.format(Locale.ROOT, "answer: arch %d %s, %s %.2f (%s %.2f), measured %.4f ms "
        + "<= %.4f ms (%d queries, %d measurements on the agent)", arch.index(),
        arch.nb201String(), REPORT, a.report(), METRIC, a.accuracy(), a.latencyMs(), limit,
        r.queries(), r.measurements());
  }

  private static double median(ArchValues latency) {
    double[] values = Arch.all().stream().filter(latency::has).mapToDouble(latency::get)
        .sorted().toArray();
    return values.length % 2 == 1 ? values[values.length / 2]
        : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
  }
}
