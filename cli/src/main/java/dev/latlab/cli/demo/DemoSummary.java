package dev.latlab.cli.demo;

import dev.latlab.stats.RankCorrelation;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.CostModel;
import dev.latlab.nb201.NetworkSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The demo's closing summary, read back from the exported dataset CSV. */
final class DemoSummary {
  private record Row(Arch arch, double latencyMs, double flopsM, double paramsM) {}

  private DemoSummary() {}

  static void print(Path datasetCsv, PrintWriter out) {
    List<Row> rows = read(datasetCsv);
    rows.sort(Comparator.comparingDouble(Row::latencyMs));
    out.println("fastest:");
    rows.subList(0, Math.min(3, rows.size())).forEach(r -> out.println(line(r)));
    out.println("slowest:");
    rows.subList(Math.max(0, rows.size() - 3), rows.size()).forEach(r -> out.println(line(r)));
    if (rows.size() >= 3) {
      double[] lat = rows.stream().mapToDouble(Row::latencyMs).toArray();
      double[] flops = rows.stream().mapToDouble(Row::flopsM).toArray();
      double[] params = rows.stream().mapToDouble(Row::paramsM).toArray();
      out.printf(Locale.ROOT, "latency vs FLOPs:  Spearman %.3f, Kendall %.3f%n",
          RankCorrelation.spearman(lat, flops), RankCorrelation.kendall(lat, flops));
      out.printf(Locale.ROOT, "latency vs params: Spearman %.3f, Kendall %.3f%n",
          RankCorrelation.spearman(lat, params), RankCorrelation.kendall(lat, params));
    }
    out.flush();
  }

  private static String line(Row r) {
    return String.format(Locale.ROOT, "  %8.4f ms  %7.2f MFLOPs  %5d  %s", r.latencyMs(),
        r.flopsM(), r.arch().index(), r.arch().nb201String());
  }

  private static List<Row> read(Path csv) {
    try {
      List<String> lines = Files.readAllLines(csv);
      List<Row> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",", -1);
        Arch arch = Arch.fromIndex(Integer.parseInt(cells[0]));
        CostModel.Cost cost = CostModel.of(arch, NetworkSpec.CIFAR10);
        rows.add(new Row(arch, Double.parseDouble(cells[3]), cost.flopsM(), cost.paramsM()));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
