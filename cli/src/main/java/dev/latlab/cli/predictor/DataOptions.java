package dev.latlab.cli.predictor;

import dev.latlab.cli.UserException;
import dev.latlab.cli.remote.ClientOptions;
import dev.latlab.cli.remote.DatasetDownload;
import dev.latlab.predictor.data.ArchCsv;
import dev.latlab.predictor.data.LatencyData;
import dev.latlab.predictor.data.LatencyFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where a device's latencies come from (a picocli mixin): a file, or a collector's target. */
final class DataOptions {
  /** The collector's CSV names its latency column so. */
  private static final String COLLECTOR_COLUMN = "latency_ms";

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--data", paramLabel = "FILE", description = "Latencies: a CSV table "
        + "(arch_index or arch_str, and latency columns in ms, e.g. ../shared/data/"
        + "latbench_dev.csv) or a LatBench pickle ({(6 ints): seconds}).")
    Path file;

    @Option(names = "--target", paramLabel = "NAME", description = "Instead of --data: this "
        + "target's dataset straight from the collector given by --collector.")
    String target;
  }

  @Option(names = "--column", paramLabel = "COL",
      description = "The latency column of a CSV --data file, in milliseconds.")
  String column;

  @Option(names = "--include-degenerate", description = "Keep the cells with no input-to-output "
      + "path (LatBench never measured them; left out by default).")
  boolean includeDegenerate;

  @Mixin ClientOptions client;

  /**
   * Loads the device's data.
   *
   * @return the latencies, degenerate cells dropped unless asked to keep them
   * @throws UserException for a missing file, column or target
   */
  LatencyData load() {
    LatencyData data;
    try {
      if (source.target != null) {
        if (column != null) {
          throw new UserException("--column is for --data files; a collector dataset has one "
              + "latency per cell");
        }
        data = ArchCsv.parse("collector " + client.address() + " target " + source.target,
            DatasetDownload.csv(client, source.target)).latency(COLLECTOR_COLUMN);
      } else {
        data = LatencyFiles.read(source.file, column);
      }
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
    LatencyData kept = includeDegenerate ? data : data.withoutDegenerate();
    if (kept.size() < 3) {
      throw new UserException(data.name() + " has " + kept.size() + " usable cells; a predictor "
          + "needs more");
    }
    return kept;
  }

  /**
   * Loads pre-training datasets given as {@code FILE:COLUMN} (or a pickle file alone).
   *
   * @param specs the values of --pretrain
   * @return one dataset per spec, degenerate cells dropped unless asked to keep them
   * @throws UserException naming the bad spec
   */
  List<LatencyData> loadPretrain(List<String> specs) {
    List<LatencyData> all = new ArrayList<>();
    for (String spec : specs) {
      try {
        LatencyData data = LatencyFiles.read(spec);
        all.add(includeDegenerate ? data : data.withoutDegenerate());
      } catch (IllegalArgumentException e) {
        throw new UserException("--pretrain " + spec + ": " + e.getMessage(), e);
      }
    }
    return all;
  }
}
