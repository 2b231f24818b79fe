package dev.latlab.cli.predictor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.latlab.cli.LatLab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PredictorCommandTest {
  private static final String LATBENCH = Path.of(System.getProperty("latlab.shared.dir",
      "../../shared"), "data", "latbench_dev.csv").toString();
  private static final String MOBILE = "latbench_mobile_cpu_snapdragon_855_kryo_485_int8_ms";
  private static final String[] SMALL = {"--layers", "2", "--hidden", "24", "--epochs", "20",
      "--lr", "0.002"};

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void eval_json_hasTheContractFields() {
    assertThat(run("predictor", "eval", "--data", LATBENCH, "--column", MOBILE, "--model",
        "layerwise", "--train", "900", "--valid", "100", "--seed", "1", "--json")).isZero();
    JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertThat(json.keySet()).contains("model", "train", "valid", "test", "within_1pct",
        "within_5pct", "within_10pct", "spearman", "kendall", "mape", "rmse_ms",
        "train_seconds");
    assertThat(json.get("model").getAsString()).isEqualTo("layerwise");
    assertThat(json.get("test").getAsInt()).isEqualTo(15284 - 1000);
    assertThat(json.get("spearman").getAsDouble()).isBetween(0.5, 1.0);
  }

  @Test
  void train_thenPredict_writesEveryCell() throws Exception {
    Path model = dir.resolve("m.pb");
    List<String> args = new java.util.ArrayList<>(List.of("predictor", "train", "--data",
        LATBENCH, "--column", MOBILE, "--model", "gcn", "--train", "200", "--valid", "50",
        "--out", model.toString()));
    args.addAll(List.of(SMALL));
    assertThat(run(args.toArray(String[]::new))).isZero();
    assertThat(out.toString()).contains("trained gcn on 200 cells");
    Path csv = dir.resolve("p.csv");
    assertThat(run("predictor", "predict", "--model", model.toString(), "--archs", "all",
        "--out", csv.toString())).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(15626);
    assertThat(lines.get(0)).isEqualTo(PredictorPredictCommand.HEADER);
    assertThat(Double.parseDouble(lines.get(1).split(",")[3])).isPositive();
  }

  @Test
  void report_writesPlotAndTables() throws Exception {
    assertThat(run("predictor", "report", "--data", LATBENCH, "--column", MOBILE, "--models",
        "flops,layerwise", "--out", dir.toString())).isZero();
    assertThat(Files.size(dir.resolve("scatter.png"))).isGreaterThan(10_000);
    byte[] png = Files.readAllBytes(dir.resolve("scatter.png"));
    assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    assertThat(Files.readAllLines(dir.resolve("metrics.csv"))).hasSize(3);
    assertThat(Files.readString(dir.resolve("metrics.md"))).contains("| flops |", "| layerwise |");
  }

  @Test
  void badInput_oneLine_exit2() {
    assertThat(run("predictor", "eval", "--data", LATBENCH, "--column", "nope")).isEqualTo(2);
    assertThat(err.toString().strip()).startsWith("latlab: ").contains("no column 'nope'")
        .doesNotContain("\n").doesNotContain("Exception");
    err.getBuffer().setLength(0);
    assertThat(run("predictor", "eval", "--data", LATBENCH, "--column", MOBILE, "--model",
        "xgboost")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown model 'xgboost'; known: gcn, mlp, flops, "
        + "layerwise");
    err.getBuffer().setLength(0);
    assertThat(run("predictor", "eval", "--data", LATBENCH, "--column", MOBILE, "--train",
        "15000", "--valid", "500")).isEqualTo(2);
    assertThat(err.toString()).contains("leaves none to test");
    err.getBuffer().setLength(0);
    assertThat(run("predictor", "predict", "--model", LATBENCH, "--out",
        dir.resolve("x.csv").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is not a LatLab latency predictor file");
    assertThat(dir.resolve("x.csv")).doesNotExist();
  }

  private int run(String... args) {
    CommandLine cli = LatLab.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
