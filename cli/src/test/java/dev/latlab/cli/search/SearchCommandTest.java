package dev.latlab.cli.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.latlab.cli.LatLab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SearchCommandTest {
  private static final String DATA =
      Path.of(System.getProperty("latlab.shared.dir", "../../shared"), "data").toString();
  private static final String ACCURACY = DATA + "/nb201_accuracy.csv";
  private static final String MOBILE =
      DATA + "/latbench_dev.csv:latbench_mobile_cpu_snapdragon_855_kryo_485_int8_ms";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void json_deviceTable_hasTheContractFields() {
    assertThat(run("--metric", "cifar10valid_valid_acc", "--report-metric", "cifar10_test_acc",
        "--strategy", "rea", "--budget", "30", "--runs", "3", "--seed", "5",
        "--max-latency-ms", "7.5", "--device-table", MOBILE, "--measure-budget", "20",
        "--json")).isZero();
    JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertThat(json.keySet()).contains("strategy", "budget", "runs", "mean_best", "std_best",
        "optimum", "found_optimum_share", "mean_measured", "violations", "curve");
    assertThat(json.get("strategy").getAsString()).isEqualTo("rea");
    assertThat(json.get("budget").getAsInt()).isEqualTo(30);
    assertThat(json.get("runs").getAsInt()).isEqualTo(3);
    assertThat(json.get("violations").getAsInt()).isZero();
    assertThat(json.get("verified").getAsBoolean()).isTrue();
    assertThat(json.get("mean_measured").getAsDouble()).isBetween(1.0, 20.0);
    assertThat(json.getAsJsonArray("curve")).hasSize(30);
    JsonArray answers = json.getAsJsonArray("answers");
    assertThat(answers).hasSize(3);
    List<Long> seeds = new ArrayList<>();
    double sum = 0;
    for (JsonElement e : answers) {
      JsonObject a = e.getAsJsonObject();
      seeds.add(a.get("seed").getAsLong());
      assertThat(a.get("latency_ms").getAsDouble()).isLessThanOrEqualTo(7.5);
      assertThat(a.get("measurements").getAsInt()).isLessThanOrEqualTo(20);
      sum += a.get("report_acc").getAsDouble();
    }
    assertThat(seeds).containsExactly(5L, 6L, 7L);
    assertThat(json.get("mean_best").getAsDouble()).isCloseTo(sum / 3,
        org.assertj.core.api.Assertions.within(1e-9));
    assertThat(json.get("optimum").getAsDouble()).isGreaterThanOrEqualTo(sum / 3);
  }

  @Test
  void json_severalStrategies_anArrayInOrder() {
    assertThat(run("--metric", "cifar100_test_acc", "--strategy", "random,ridge",
        "--budget", "20", "--json")).isZero();
    JsonArray json = JsonParser.parseString(out.toString()).getAsJsonArray();
    assertThat(json).hasSize(2);
    assertThat(json.get(0).getAsJsonObject().get("strategy").getAsString()).isEqualTo("random");
    assertThat(json.get(1).getAsJsonObject().get("strategy").getAsString()).isEqualTo("ridge");
    assertThat(json.get(0).getAsJsonObject().get("optimum").getAsDouble()).isEqualTo(73.513333);
  }

  @Test
  void text_noLimit_namesTheAnswer() {
    assertThat(run("--metric", "cifar100_test_acc", "--strategy", "random", "--budget", "10"))
        .isZero();
    assertThat(out.toString()).contains("no latency limit").contains("random: mean best")
        .containsPattern("seed 0: arch \\d+ \\|");
  }

  @Test
  void out_writesTraceAnswerAndPlots() throws Exception {
    Path outDir = dir.resolve("o");
    assertThat(run("--metric", "cifar100_test_acc", "--strategy", "random,rea", "--budget", "20",
        "--runs", "2", "--max-latency-ms", "9", "--device-table", MOBILE, "--out",
        outDir.toString())).isZero();
    assertThat(outDir.resolve("trace.csv")).exists();
    assertThat(Files.readAllLines(outDir.resolve("trace.csv")))
        .filteredOn(l -> l.contains(",query,")).hasSize(2 * 2 * 20);
    assertThat(JsonParser.parseString(Files.readString(outDir.resolve("answer.json")))
        .getAsJsonArray()).hasSize(2);
    assertThat(Files.size(outDir.resolve("best_so_far.png"))).isGreaterThan(10_000);
    assertThat(Files.size(outDir.resolve("pareto.png"))).isGreaterThan(10_000);
  }

  @Test
  void noRunVerified_exitStatus3_andNullAnswer() {
    // The fastest cell is the only one under 2.9 ms; 3 measurements cannot find it in 5 queries.
    assertThat(run("--metric", "cifar100_test_acc", "--strategy", "random", "--budget", "5",
        "--max-latency-ms", "2.9", "--device-table", MOBILE, "--measure-budget", "3", "--json"))
        .isEqualTo(SearchCommand.NO_ANSWER);
    JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertThat(json.get("answered_runs").getAsInt()).isZero();
    assertThat(json.get("mean_best").isJsonNull()).isTrue();
    assertThat(json.getAsJsonArray("answers").get(0).getAsJsonObject().get("arch_index")
        .isJsonNull()).isTrue();
  }

  @Test
  void badInput_oneLineAndStatus2() {
    assertBad("no column 'acc'; value columns: cifar10_test_acc", "--metric", "acc",
        "--strategy", "random", "--budget", "10");
    assertBad("no column 'test'", "--metric", "cifar10_test_acc",
        "--report-metric", "test", "--strategy", "random", "--budget", "10");
    assertBad("no cell of latbench_dev.csv:latbench_mobile_cpu_snapdragon_855_kryo_485_int8_ms "
        + "meets 1.0 ms (the fastest candidate takes 2.8", "--metric", "cifar10_test_acc",
        "--strategy", "random", "--budget", "10", "--max-latency-ms", "1", "--device-table",
        MOBILE);
    assertBad("the budget must be 1..15625", "--metric", "cifar10_test_acc", "--strategy",
        "random", "--budget", "20000");
    assertBad("--collector needs --target T", "--metric", "cifar10_test_acc", "--strategy",
        "random", "--budget", "10", "--max-latency-ms", "5", "--collector", "localhost:1");
    assertBad("--max-latency-ms needs a latency source", "--metric", "cifar10_test_acc",
        "--strategy", "random", "--budget", "10", "--max-latency-ms", "5");
    assertBad("a latency source needs --max-latency-ms", "--metric", "cifar10_test_acc",
        "--strategy", "random", "--budget", "10", "--device-table", MOBILE);
    assertBad("give one latency source", "--metric", "cifar10_test_acc", "--strategy",
        "random", "--budget", "10", "--max-latency-ms", "5", "--device-table", MOBILE,
        "--latency-model", "m.bin");
    assertBad("--latency-model: no such file", "--metric", "cifar10_test_acc", "--strategy",
        "random", "--budget", "10", "--max-latency-ms", "5", "--latency-model",
        dir.resolve("none.model").toString());
    assertBad("unknown strategy 'sa'", "--metric", "cifar10_test_acc", "--strategy", "sa",
        "--budget", "10");
    assertBad("--device-table 'x.csv' must look like FILE:COLUMN", "--metric",
        "cifar10_test_acc", "--strategy", "random", "--budget", "10", "--max-latency-ms", "5",
        "--device-table", "x.csv");
    assertBad("--measure-budget needs --device-table or --collector", "--metric",
        "cifar10_test_acc", "--strategy", "random", "--budget", "10", "--measure-budget", "5");
    assertBad("--runs must be at least 1", "--metric", "cifar10_test_acc", "--strategy",
        "random", "--budget", "10", "--runs", "0");
  }

  private void assertBad(String message, String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).startsWith("latlab: ").contains(message);
  }

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of("search", "--accuracy", ACCURACY));
    all.addAll(List.of(args));
    CommandLine cli = LatLab.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(all.toArray(String[]::new));
  }
}
