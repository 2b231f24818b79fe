package dev.latlab.cli.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.latlab.cli.LatLab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The bench command end to end on tiny runs: correctness of what it counts, not its speed. */
class CollectorBenchCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = LatLab.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void ingest_tinyRun_storesEveryAcknowledgedResultOnce() {
    assertThat(run("collector", "bench", "--agents", "3", "--results", "300", "--warmup", "30",
        "--jit-warmup", "0", "--auth", "--dir", dir.toString(), "--json")).isZero();
    JsonObject runResult = JsonParser.parseString(out.toString()).getAsJsonObject()
        .getAsJsonArray("runs").get(0).getAsJsonObject();
    JsonObject db = runResult.getAsJsonObject("database");
    assertThat(runResult.get("jobs").getAsInt()).isEqualTo(300);
    assertThat(db.get("rows").getAsLong()).isEqualTo(300);
    assertThat(db.get("acks").getAsLong()).isEqualTo(300);
    assertThat(db.get("exact").getAsBoolean()).isTrue();
    assertThat(runResult.get("rejected").getAsInt()).isZero();
    assertThat(runResult.get("measured_acks").getAsInt()).isEqualTo(270);
  }

  @Test
  void idle_fewAgents_reportsBothCollectors() {
    assertThat(run("collector", "bench", "--idle-agents", "3", "--dir", dir.toString(),
        "--json")).isZero();
    JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
    assertThat(json.getAsJsonArray("measurements")).hasSize(2);
    JsonObject forked = json.getAsJsonArray("measurements").get(0).getAsJsonObject();
    assertThat(forked.get("mode").getAsString()).isEqualTo("forked");
    assertThat(forked.get("heap_used_connected_mb").getAsDouble()).isPositive();
  }

  @Test
  void badFlags_oneLineAndStatus2() {
    assertThat(run("collector", "bench", "--agents", "10", "--idle-agents", "5")).isEqualTo(2);
    assertThat(run("collector", "bench", "--results", "0")).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(2).allMatch(line -> line.startsWith("latlab: "));
    assertThat(out.toString()).isEmpty();
  }
}
