package dev.latlab.cli.agent;

import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.LatencyStatistics;
import dev.latlab.agent.LoadedModel;
import dev.latlab.agent.Measurer;
import dev.latlab.agent.MeasurementProtocol;
import dev.latlab.agent.SeededInput;
import dev.latlab.agent.onnx.BareTimingLoop;
import dev.latlab.cli.ArchConverter;
import dev.latlab.cli.Json;
import dev.latlab.cli.NetworkOptions;
import dev.latlab.cli.UserException;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.net.Network;
import dev.latlab.nb201.net.NetworkBuilder;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab agent overhead}: the agent's median against a bare timing loop. */
@Command(
    name = "overhead",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Benchmark the agent's own timing overhead on ONNX Runtime: load one network once, then "
          + "alternate blocks timed by the agent's protocol and blocks timed by a bare loop "
          + "(nanoTime, session.run, nanoTime) over the same session, and compare the medians. "
          + "The ratio should be 1.00 +- 0.02.",
      ""
    })
final class AgentOverheadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--arch", paramLabel = "ARCH", converter = ArchConverter.class,
      description = "The cell. Default: 1.")
  Arch arch = Arch.fromIndex(1);

  @Option(names = "--blocks", paramLabel = "N",
      description = "Blocks of each kind, alternating. Default: ${DEFAULT-VALUE}.")
  int blocks = 10;

  @Option(names = "--runs", paramLabel = "N",
      description = "Timed runs per block (fixed protocol). Default: ${DEFAULT-VALUE}.")
  int runs = 200;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Mixin BackendOptions backend;
  @Mixin NetworkOptions network;

  @Override
  public Integer call() throws InterruptedException {
    if (!backend.backend.equals("onnxruntime") || blocks < 1 || runs < 1) {
      throw new UserException("overhead needs --backend onnxruntime, --blocks >= 1, --runs >= 1");
    }
    InferenceBackend runtime = backend.create();
    network.requireSupportedBy(runtime);
    MeasurementProtocol protocol = MeasurementProtocol.builder().fixed(1, runs).build();
    Measurer measurer = new Measurer(runtime, protocol, network.spec());
    Network net = NetworkBuilder.build(arch, network.spec(), network.seed());
    double[] agent = new double[blocks];
    double[] bare = new double[blocks];
    try (LoadedModel model = runtime.load(net)) {
      model.setInput(SeededInput.of(net.inputShape(), 0));
      for (int b = 0; b < blocks; b++) {
        agent[b] = LatencyStatistics.of(measurer.time(model)).medianMillis();
        bare[b] = LatencyStatistics.of(new long[][] {BareTimingLoop.time(model, runs)})
            .medianMillis();
      }
    }
    print(agent, bare, runtime.identity());
    return 0;
  }

  private void print(double[] agent, double[] bare, String identity) {
    double[] ratios = new double[agent.length];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = agent[i] / bare[i];
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("arch", arch.vector());
    m.put("backend", identity);
    m.put("blocks", blocks);
    m.put("runs_per_block", runs);
    m.put("agent_median_ms", median(agent));
    m.put("bare_median_ms", median(bare));
    m.put("ratio", median(agent) / median(bare));
    m.put("block_ratio_min", Arrays.stream(ratios).min().orElseThrow());
    m.put("block_ratio_median", median(ratios));
    m.put("block_ratio_max", Arrays.stream(ratios).max().orElseThrow());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(m));
    } else {
      m.forEach((k, v) -> out.printf(Locale.ROOT, "%-20s %s%n", k,
          v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : v));
    }
    out.flush();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return LatencyStatistics.percentile(sorted, 50);
  }
}
