package dev.latlab.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.Backends;
import dev.latlab.agent.EnvironmentProbe;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.remote.CollectorClient;
import dev.latlab.agent.remote.JobExecutor;
import dev.latlab.agent.remote.ProtoMapping;
import dev.latlab.agent.remote.ResultSpool;
import dev.latlab.cli.LatLab;
import dev.latlab.cli.remote.Channels;
import dev.latlab.cli.remote.TokenFile;
import dev.latlab.cli.search.SearchCommand;
import dev.latlab.collector.store.ResultRow;
import dev.latlab.collector.store.SqliteStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code latlab search} with the hardware in the loop: a collector process, a real ONNX Runtime
 * agent in this JVM over loopback, and the search command creating campaigns for the cells it
 * needs measured. The latencies it reports must be the ones the agent measured and the collector
 * stored.
 */
class SearchIT extends CollectorAgentFixture {
  private static final String TARGET = "it-search";
  private static final String ACCURACY = Path.of(
      System.getProperty("latlab.shared.dir", "../../shared"), "data", "nb201_accuracy.csv")
      .toString();

  private Path db;
  private Path token;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void setUp() throws Exception {
    db = dir.resolve("latlab.db");
    token = CollectorProcess.newTokenFile(dir, 6);
    collector = CollectorProcess.start(dir, "collector", db, token, 0);
    channel = Channels.open(collector.address(), TokenFile.read(token), null);
    InferenceBackend backend = Backends.create(BackendConfig.of("onnxruntime", 1));
    agent = CollectorClient.builder(channel, ResultSpool.open(dir.resolve("spool")))
        .agentId("search-agent").target(TARGET)
        .description(ProtoMapping.describe(backend, EnvironmentProbe.system().capture()))
        .executor(JobExecutor.measuring(backend)).listener(listener).build();
    agent.start();
  }

  @Test
  void search_measuresOnTheAgent_answerIsAStoredMeasurementUnderTheLimit() throws Exception {
    Path outDir = dir.resolve("out");
    // brp: BRP-NAS's binary relation GCN retrains after the first 10 (random) queries
    assertThat(search("brp", "--budget", "12", "--max-latency-ms", "1000", "--measure-budget",
        "6", "--out", outDir.toString())).as(err.toString()).isZero();
    JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertThat(json.get("latency_source").getAsString()).isEqualTo("collector");
    assertThat(json.get("verified").getAsBoolean()).isTrue();
    assertThat(json.get("violations").getAsInt()).isZero();
    JsonObject answer = json.getAsJsonArray("answers").get(0).getAsJsonObject();
    int measurements = answer.get("measurements").getAsInt();
    assertThat(measurements).isBetween(3, 6);

    List<Integer> measured = measuredCells(outDir.resolve("trace.csv"));
    assertThat(measured).hasSize(measurements).doesNotHaveDuplicates()
        .contains(answer.get("arch_index").getAsInt());

    // The predictor reads the same target's dataset straight from the collector.
    out.getBuffer().setLength(0);
    CommandLine eval = LatLab.newCommandLine();
    eval.setOut(new PrintWriter(out));
    eval.setErr(new PrintWriter(err));
    assertThat(eval.execute("predictor", "eval", "--collector", collector.address(),
        "--token-file", token.toString(), "--target", TARGET, "--model", "layerwise", "--train",
        "2", "--valid", "0", "--include-degenerate", "--json")).as(err.toString()).isZero();
    JsonObject metrics = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertThat(metrics.get("train").getAsInt() + metrics.get("test").getAsInt())
        .isEqualTo(measurements);
    agent.close();
    agent = null;
    collector.stop();
    try (SqliteStore store = SqliteStore.open(db)) {
      Map<Integer, Double> stored = store.results(TARGET).stream()
          .collect(Collectors.toMap(ResultRow::archIndex, ResultRow::latencyMs));
      assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(measured);
      // The dataset export the search reads prints 6 decimals.
      assertThat(answer.get("latency_ms").getAsDouble())
          .isCloseTo(stored.get(answer.get("arch_index").getAsInt()), within(1e-6));
    }
  }

  @Test
  void search_limitNoCellMeets_noAnswerAfterTheMeasureBudget() {
    assertThat(search("random", "--budget", "6", "--max-latency-ms", "0.0001",
        "--measure-budget", "4"))
        .as(err.toString()).isEqualTo(SearchCommand.NO_ANSWER);
    JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertThat(json.get("answered_runs").getAsInt()).isZero();
    assertThat(json.get("mean_measured").getAsDouble()).isEqualTo(4.0);
  }

  private int search(String strategy, String... args) {
    List<String> all = new ArrayList<>(List.of("search", "--accuracy", ACCURACY, "--metric",
        "cifar10_test_acc", "--strategy", strategy, "--seed", "3", "--collector",
        collector.address(), "--token-file", token.toString(), "--target", TARGET,
        "--initial-measurements", "4", "--fixed", "2x5", "--warmup-runs", "1",
        "--warmup-seconds", "0", "--json"));
    all.addAll(List.of(args));
    CommandLine cli = LatLab.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(all.toArray(String[]::new));
  }

  private static List<Integer> measuredCells(Path trace) throws Exception {
    return Files.readAllLines(trace).stream().filter(l -> l.contains(",measure,"))
        .map(l -> Integer.parseInt(l.split(",")[7])).toList();
  }
}
