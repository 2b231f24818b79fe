package dev.latlab.cli.agent;

import dev.latlab.agent.analysis.SweepComparison;
import dev.latlab.cli.Json;
import dev.latlab.cli.UserException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code latlab agent compare}: how well two result sets agree. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare the latency_ms of two sweep CSVs on the cells both hold: Spearman's rho, Kendall's "
          + "tau-b, and the median and 90th percentile of |b - a| / a. Use it for repeatability "
          + "(the same sweep twice), protocols (adaptive vs fixed) or runtimes (onnxruntime vs "
          + "tflite).",
      ""
    })
final class AgentCompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A.csv", description = "The first result set.")
  Path a;

  @Parameters(index = "1", paramLabel = "B.csv", description = "The second result set.")
  Path b;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    SweepComparison c;
    try {
      c = SweepComparison.of(a, b);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new UserException(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(c.toMap()));
    } else {
      out.printf(Locale.ROOT, "cells in both      %d%n", c.shared());
      out.printf(Locale.ROOT, "spearman           %.4f%n", c.spearman());
      out.printf(Locale.ROOT, "kendall tau-b      %.4f%n", c.kendall());
      out.printf(Locale.ROOT, "median |b-a|/a     %.2f%%%n", 100 * c.medianRelativeDifference());
      out.printf(Locale.ROOT, "p90 |b-a|/a        %.2f%%%n", 100 * c.p90RelativeDifference());
      out.printf(Locale.ROOT, "median b/a         %.4f%n", c.medianRatio());
    }
    out.flush();
    return 0;
  }
}
