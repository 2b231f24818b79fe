package dev.latlab.cli.space;

import dev.latlab.cli.ArchSetOption;
import dev.latlab.cli.FormatConverter;
import dev.latlab.cli.Json;
import dev.latlab.cli.NetworkOptions;
import dev.latlab.cli.Progress;
import dev.latlab.cli.UserException;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.net.ModelFormat;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab space bench}: how fast networks are generated and serialised. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark network generation: build and serialise the network of every selected cell, one "
          + "format at a time, after a warm-up pass. Reports models/s, where the time goes "
          + "(building the network and drawing weights vs serialising) and the peak heap.",
      ""
    })
final class SpaceBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ArchSetOption archs;

  @Option(names = "--format", paramLabel = "FORMAT", split = ",",
      converter = FormatConverter.class, completionCandidates = FormatConverter.class,
      description = "Formats to benchmark, comma-separated: ${COMPLETION-CANDIDATES}. "
          + "Default: onnx,tflite.")
  List<ModelFormat> formats = List.of(ModelFormat.ONNX, ModelFormat.TFLITE);

  @Option(names = "--threads", paramLabel = "T",
      description = "Worker threads. Default: ${DEFAULT-VALUE}.")
  int threads = 1;

  @Option(names = "--warmup", paramLabel = "N",
      description = "Cells generated (not timed) before each format. Default: ${DEFAULT-VALUE}.")
  int warmup = 200;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Mixin NetworkOptions network;

  @Override
  public Integer call() {
    List<Arch> cells = archs.cells();
    if (threads < 1 || warmup < 0) {
      throw new UserException("--threads must be >= 1 and --warmup >= 0");
    }
    List<EmitBenchmark.Result> results = new ArrayList<>();
    formats.forEach(network::requireSupportedBy);
    for (ModelFormat format : formats) {
      EmitBenchmark bench = new EmitBenchmark(format, network.spec(), network.seed(), threads);
      bench.run(cells.subList(0, Math.min(warmup, cells.size())), Progress.NONE);
      try (Progress progress = Progress.start("bench " + format, cells.size())) {
        results.add(bench.run(cells, progress));
      }
    }
    print(results, cells.size());
    return 0;
  }

  private void print(List<EmitBenchmark.Result> results, int cells) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("archs", archs.spec());
      m.put("cells", cells);
      m.put("threads", threads);
      m.put("results", results.stream().map(EmitBenchmark.Result::toMap).toList());
      out.println(Json.write(m));
    } else {
      out.printf(Locale.ROOT, "%d cells (%s), %d thread(s)%n", cells, archs.spec(), threads);
      out.printf(Locale.ROOT, "%-7s %10s %9s %9s %12s %12s %11s %12s%n", "format", "models/s",
          "wall s", "build %", "median ms", "p90 ms", "mean MB", "peak heap MB");
      for (EmitBenchmark.Result r : results) {
        out.printf(Locale.ROOT, "%-7s %10.1f %9.2f %9.1f %12.3f %12.3f %11.3f %12.1f%n",
            r.format(), r.modelsPerSecond(), r.wallSeconds(), 100 * r.buildShare(),
            r.medianMillis(), r.p90Millis(), r.meanMegabytes(), r.peakHeapMegabytes());
      }
    }
    out.flush();
  }
}
