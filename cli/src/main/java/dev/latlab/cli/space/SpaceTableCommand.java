package dev.latlab.cli.space;

import dev.latlab.cli.DatasetConverter;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.CostModel;
import dev.latlab.nb201.ImageDataset;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.nb201.SearchSpace;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab space table}: all 15625 cells as CSV. */
@Command(
    name = "table",
    mixinStandardHelpOptions = true,
    description = {
      "Print all 15625 cells as CSV on stdout, in index order, with the columns",
      "  " + SpaceTableCommand.HEADER,
      "canonical_index and compute_index name a cell's NB201 class and compute class by their "
          + "smallest index; params_m and flops_m are millions, FLOPs counted as "
          + "multiply-accumulates.",
      ""
    })
final class SpaceTableCommand implements Callable<Integer> {
  static final String HEADER =
      "arch_index,arch_str,arch_vector,canonical_index,compute_index,degenerate,params_m,flops_m";

  @Spec CommandSpec spec;

  @Option(
      names = "--dataset",
      paramLabel = "DATASET",
      converter = DatasetConverter.class,
      completionCandidates = DatasetConverter.class,
      description = "Dataset for params and FLOPs: ${COMPLETION-CANDIDATES}. Default: cifar10.")
  ImageDataset dataset = ImageDataset.CIFAR10;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    NetworkSpec network = NetworkSpec.of(dataset);
    out.println(HEADER);
    for (Arch arch : Arch.all()) {
      CostModel.Cost cost = CostModel.of(arch, network);
      out.printf(Locale.ROOT, "%d,%s,%s,%d,%d,%b,%.6f,%.6f%n", arch.index(), arch.nb201String(),
          arch.vector(), SearchSpace.canonicalIndex(arch), SearchSpace.computeIndex(arch),
          SearchSpace.isDegenerate(arch), cost.paramsM(), cost.flopsM());
    }
    out.flush();
    return 0;
  }
}
