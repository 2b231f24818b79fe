package dev.latlab.cli.space;

import dev.latlab.cli.ArchConverter;
import dev.latlab.cli.Json;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.CostModel;
import dev.latlab.nb201.ImageDataset;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.nb201.SearchSpace;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab space info}: every name, class and cost of one cell. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
      "Show a cell's index, NB201 string and vector, its NB201 isomorphism class and compute class "
          + "(each named by the smallest index in it), whether it is degenerate, and its parameters "
          + "and FLOPs (multiply-accumulates) on CIFAR-10, CIFAR-100 and ImageNet16-120.",
      ""
    })
final class SpaceInfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--arch",
      required = true,
      paramLabel = "ARCH",
      converter = ArchConverter.class,
      description = "The cell: NB201 string, 6-digit vector or index 0..15624.")
  Arch arch;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? Json.write(toMap(arch)) : table(arch));
    out.flush();
    return 0;
  }

  static Map<String, Object> toMap(Arch arch) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("arch_index", arch.index());
    m.put("arch_str", arch.nb201String());
    m.put("arch_vector", arch.vector());
    m.put("canonical_index", SearchSpace.canonicalIndex(arch));
    m.put("compute_index", SearchSpace.computeIndex(arch));
    m.put("degenerate", SearchSpace.isDegenerate(arch));
    Map<String, Object> costs = new LinkedHashMap<>();
    for (ImageDataset d : ImageDataset.values()) {
      CostModel.Cost c = CostModel.of(arch, NetworkSpec.of(d));
      Map<String, Object> cost = new LinkedHashMap<>();
      cost.put("params_m", round6(c.paramsM()));
      cost.put("flops_m", round6(c.flopsM()));
      costs.put(d.cliName(), cost);
    }
    m.put("cost", costs);
    return m;
  }

  private static String table(Arch arch) {
    StringBuilder sb = new StringBuilder();
    sb.append(row("index", arch.index()));
    sb.append(row("arch_str", arch.nb201String()));
    sb.append(row("vector", arch.vector()));
    sb.append(row("nb201 class", SearchSpace.canonicalIndex(arch)));
    sb.append(row("compute class", SearchSpace.computeIndex(arch)));
    sb.append(row("degenerate", SearchSpace.isDegenerate(arch)));
    sb.append(String.format(Locale.ROOT, "%n%-16s %12s %12s%n", "dataset", "params (M)", "FLOPs (M)"));
    for (ImageDataset d : ImageDataset.values()) {
      CostModel.Cost c = CostModel.of(arch, NetworkSpec.of(d));
      sb.append(String.format(Locale.ROOT, "%-16s %12.6f %12.6f%n", d.cliName(), c.paramsM(),
          c.flopsM()));
    }
    return sb.toString().stripTrailing();
  }

  private static String row(String key, Object value) {
    return String.format(Locale.ROOT, "%-16s %s%n", key, value);
  }

  private static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
