package dev.latlab.cli.predictor;

import dev.latlab.cli.UserException;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.ArchSelection;
import dev.latlab.predictor.latency.LatencyModelFile;
import dev.latlab.predictor.latency.TrainedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab predictor predict}: a saved predictor's latencies for many cells, as CSV. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Predict latencies with a saved predictor and write them as CSV "
        + "(arch_index, arch_str, arch_vector, predicted_ms).", ""})
final class PredictorPredictCommand implements Callable<Integer> {
  static final String HEADER = "arch_index,arch_str,arch_vector,predicted_ms";

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "MODEL",
      description = "A predictor saved by 'predictor train'.")
  Path model;

  @Option(names = "--archs", paramLabel = "SET", description = "all, compute-classes, "
      + "sample:N[:SEED], or a FILE with one cell per line (file:PATH also works). "
      + "Default: ${DEFAULT-VALUE}.")
  String archs = "all";

  @Option(names = "--out", required = true, paramLabel = "FILE.csv",
      description = "Where to write; replaced atomically.")
  Path out;

  @Override
  public Integer call() {
    TrainedModel predictor;
    List<Arch> cells;
    try {
      predictor = LatencyModelFile.read(model);
      cells = ArchSelection.parse(isSelection(archs) ? archs : "file:" + archs);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
    long start = System.nanoTime();
    double[] ms = predictor.predictMs(cells);
    double seconds = (System.nanoTime() - start) / 1e9;
    write(cells, ms);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "predicted %d cells with %s (%s) in %.2f s; wrote %s%n",
        cells.size(), model, predictor.kind().cliName(), seconds, out);
    stdout.flush();
    return 0;
  }

  private static boolean isSelection(String spec) {
    return spec.equals("all") || spec.equals("compute-classes") || spec.startsWith("sample:")
        || spec.startsWith("file:");
  }

  private void write(List<Arch> cells, double[] ms) {
    Path target = out.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".latlab-predict", ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        w.write(HEADER + "\n");
        for (int i = 0; i < ms.length; i++) {
          Arch a = cells.get(i);
          w.write(String.format(Locale.ROOT, "%d,%s,%s,%.6f%n", a.index(), a.nb201String(),
              a.vector(), ms[i]));
        }
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UserException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }
}
