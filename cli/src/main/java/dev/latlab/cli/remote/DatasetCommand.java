package dev.latlab.cli.remote;

import dev.latlab.cli.UserException;
import dev.latlab.proto.v1.ExportDatasetRequest;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab dataset export}: a target's dataset as a file. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
    description = {"Datasets built from a collector's results.", ""},
    subcommands = {DatasetCommand.Export.class})
public final class DatasetCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code latlab dataset export}. */
  @Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Export a target's dataset: one row per cell (the median of its repeats). "
          + "csv has the agent sweep's columns plus measured_index; json the same as objects; "
          + "latbench-pickle is LatBench's own format, a Python pickle of {(6 ints): seconds}.",
          ""})
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ClientOptions client;

    @Option(names = "--target", required = true, paramLabel = "NAME", description = "The target.")
    String target;

    @Option(names = "--format", paramLabel = "FORMAT",
        description = "csv, json or latbench-pickle. Default: ${DEFAULT-VALUE}.")
    String format = "csv";

    @Option(names = "--fill-compute-classes", description = "Also give every cell of a measured "
        + "compute class a row copied from its measured member (measured_index says which).")
    boolean fill;

    @Option(names = "--out", required = true, paramLabel = "FILE",
        description = "Where to write; replaced atomically.")
    Path out;

    @Override
    public Integer call() {
      ExportDatasetRequest request = ExportDatasetRequest.newBuilder().setTarget(target)
          .setFormat(format).setFillComputeClasses(fill).build();
      ManagedChannel channel = client.open();
      try {
        long bytes = Rpc.call(client.address(), () -> download(channel, request));
        spec.commandLine().getOut().printf("wrote %s (%d bytes)%n", out, bytes);
        spec.commandLine().getOut().flush();
        return 0;
      } finally {
        channel.shutdownNow();
      }
    }

    private long download(ManagedChannel channel, ExportDatasetRequest request) {
      Path target = out.toAbsolutePath();
      try {
        Path tmp = Files.createTempFile(target.getParent(), ".latlab-dataset", ".tmp");
        long n;
        try (OutputStream stream = Files.newOutputStream(tmp)) {
          n = DatasetDownload.copy(channel, request, client.timeoutSeconds(), stream);
        } catch (RuntimeException | IOException e) {
          Files.deleteIfExists(tmp);
          throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        return n;
      } catch (IOException e) {
        throw new UserException("cannot write " + out + ": " + e.getMessage(), e);
      }
    }
  }
}
