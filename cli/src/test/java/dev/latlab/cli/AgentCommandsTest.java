package dev.latlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The agent commands end to end on the real runtimes, with a tiny protocol so they stay fast. */
class AgentCommandsTest {
  private static final String[] QUICK = {"--warmup-runs", "1", "--warmup-seconds", "0", "--fixed",
      "2x3"};

  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli = LatLab.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private static String[] quick(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(QUICK));
    return all.toArray(new String[0]);
  }

  @Test
  void measure_json_hasRequiredKeys() {
    assertThat(run(quick("agent", "measure", "--arch", "0", "--json"))).isZero();
    JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertThat(json.get("runs").getAsInt()).isEqualTo(6);
    assertThat(json.get("median_ms").getAsDouble()).isPositive();
    assertThat(json.get("latbench_ms").getAsDouble()).isPositive();
    assertThat(json.get("backend").getAsString()).startsWith("onnxruntime 1.29.0 threads=1");
    assertThat(json.getAsJsonArray("samples_ms")).hasSize(2);
    assertThat(json.getAsJsonObject("environment").get("logical_cores").getAsInt()).isPositive();
  }

  @Test
  void measure_tflite_reportsItsBackend() {
    assertThat(run(quick("agent", "measure", "--arch", "421211", "--backend", "tflite"))).isZero();
    assertThat(out.toString()).contains("tflite 2.21.0 threads=1 xnnpack=true").contains("latency");
  }

  @Test
  void measure_tfliteInt8_networkIdentityNamesPrecision() {
    assertThat(run(quick("agent", "measure", "--arch", "421211", "--backend", "tflite",
        "--precision", "int8", "--json"))).isZero();
    JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertThat(json.get("network").getAsString()).endsWith(" batch=1 precision=int8");
    assertThat(json.get("median_ms").getAsDouble()).isPositive();
  }

  @Test
  void measure_onnxInt8_isOneLineAndStatus2() {
    assertThat(run("agent", "measure", "--arch", "0", "--precision", "int8")).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("latlab: --precision int8 needs --backend "
        + "tflite: onnxruntime runs fp32 networks only");
  }

  @Test
  void measure_badInput_isOneLineAndStatus2() {
    assertThat(run("agent", "measure", "--arch", "0", "--backend", "pytorch")).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo(
        "latlab: unknown backend 'pytorch': available are onnxruntime, tflite");
    assertThat(run("agent", "measure", "--arch", "0", "--backend-option", "xnnpack=maybe",
        "--backend", "tflite")).isEqualTo(2);
    assertThat(err.toString()).contains("xnnpack must be one of true, false");
    assertThat(run("agent", "measure", "--arch", "0", "--min-runs", "50", "--max-runs", "10"))
        .isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
  }

  @Test
  void sweep_resumes_andRefusesOtherConditions() throws Exception {
    Path csv = dir.resolve("sweep.csv");
    String[] sweep = quick("agent", "sweep", "--archs", "sample:4:9", "--out", csv.toString(),
        "--canary-every", "0");
    assertThat(run(sweep)).isZero();
    assertThat(Files.readAllLines(csv)).hasSize(5);
    assertThat(run(sweep)).isZero();
    assertThat(out.toString()).contains("measured 0 cells").contains("(4 were there already)");
    assertThat(Files.readAllLines(csv)).hasSize(5);

    List<String> other = new ArrayList<>(List.of(sweep));
    other.addAll(List.of("--backend-option", "graph-optimization=basic"));
    assertThat(run(other.toArray(new String[0]))).isEqualTo(2);
    assertThat(err.toString()).contains("was measured with another backend");
    assertThat(Files.readAllLines(csv)).hasSize(5);
  }

  @Test
  void compare_sameFile_agreesPerfectly() throws Exception {
    Path csv = dir.resolve("a.csv");
    assertThat(run(quick("agent", "sweep", "--archs", "sample:5:2", "--out", csv.toString(),
        "--canary-every", "0"))).isZero();
    assertThat(run("agent", "compare", csv.toString(), csv.toString(), "--json")).isZero();
    JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertThat(json.get("shared").getAsInt()).isEqualTo(5);
    assertThat(json.get("spearman").getAsDouble()).isEqualTo(1.0);
    assertThat(json.get("median_relative_difference").getAsDouble()).isZero();
  }

  @Test
  void compare_missingFile_isOneLine() {
    assertThat(run("agent", "compare", dir.resolve("x.csv").toString(),
        dir.resolve("y.csv").toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("latlab: cannot read");
  }
}
