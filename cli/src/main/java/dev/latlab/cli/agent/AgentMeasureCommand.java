package dev.latlab.cli.agent;

import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.LatencyStatistics;
import dev.latlab.agent.Measurement;
import dev.latlab.agent.Measurer;
import dev.latlab.cli.ArchConverter;
import dev.latlab.cli.Json;
import dev.latlab.cli.NetworkOptions;
import dev.latlab.nb201.Arch;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab agent measure}: time one network. */
@Command(
    name = "measure",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Time one cell's network on this machine: a fresh session, warm-up, then rounds of timed "
          + "runs with adaptive stopping. Prints every statistic and the machine's state.",
      ""
    })
final class AgentMeasureCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--arch", required = true, paramLabel = "ARCH", converter = ArchConverter.class,
      description = "The cell: NB201 string, 6-digit vector or index 0..15624.")
  Arch arch;

  @Option(names = "--json", description = "Print one JSON object (median_ms, latbench_ms and runs "
      + "are always present) instead of a report.")
  boolean json;

  @Mixin BackendOptions backend;
  @Mixin ProtocolOptions protocol;
  @Mixin NetworkOptions network;

  @Override
  public Integer call() throws InterruptedException {
    InferenceBackend runtime = backend.create();
    network.requireSupportedBy(runtime);
    Measurer measurer = new Measurer(runtime, protocol.protocol(network.seed()), network.spec());
    Measurement m = measurer.measure(arch);
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? Json.write(MeasurementJson.toMap(m)) : report(m));
    out.flush();
    return 0;
  }

  private static String report(Measurement m) {
    LatencyStatistics s = m.stats();
    StringBuilder sb = new StringBuilder();
    sb.append(line("arch", m.arch().nb201String()));
    sb.append(line("index / vector", m.arch().index() + " / " + m.arch().vector()));
    sb.append(line("backend", m.backend()));
    sb.append(line("protocol", m.protocol()));
    sb.append(line("network", m.spec().identity()));
    sb.append(line("latency", String.format(Locale.ROOT, "%.4f ms", m.latencyMillis())));
    sb.append(line("runs", s.n() + (m.stoppedEarly() ? " (stopped early: " : " (")
        + String.format(Locale.ROOT, "median 95%% CI +-%.2f%%)", 100 * s.medianCiHalfWidth())));
    sb.append(line("statistics (ms)", String.format(Locale.ROOT,
        "median %.4f  mean %.4f  std %.4f  min %.4f  p10 %.4f  p90 %.4f  mad %.4f  latbench %.4f",
        s.medianMillis(), s.meanMillis(), s.stdMillis(), s.minMillis(), s.p10Millis(),
        s.p90Millis(), s.madMillis(), s.latbenchMillis())));
    sb.append(line("device", m.environment().fingerprint()));
    m.environment().toMap().forEach((k, v) -> sb.append(line("  " + k, known(v))));
    return sb.toString().stripTrailing();
  }

  private static String known(Object value) {
    boolean unknown = value == null || value.toString().isEmpty() || value.toString().equals("[]")
        || value.toString().equals("{}") || value.toString().equals("NaN");
    return unknown ? "unknown" : value.toString();
  }

  private static String line(String key, String value) {
    return String.format(Locale.ROOT, "%-18s %s%n", key, value);
  }
}
