package dev.latlab.cli.space;

import dev.latlab.cli.ArchConverter;
import dev.latlab.cli.FormatConverter;
import dev.latlab.cli.NetworkOptions;
import dev.latlab.cli.UserException;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.net.ModelFormat;
import dev.latlab.nb201.net.Network;
import dev.latlab.nb201.net.NetworkBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab space export}: write a cell's network as an ONNX or TFLite file. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a cell's NB201 network (weights drawn from the seed, BatchNorm folded) and write "
          + "it as an ONNX (opset 13, NCHW, float32) or TFLite (NHWC, float32 or int8) file. The "
          + "input is named 'input', the output 'logits' [batch, classes]; both are float32.",
      ""
    })
final class SpaceExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--arch", required = true, paramLabel = "ARCH", converter = ArchConverter.class,
      description = "The cell: NB201 string, 6-digit vector or index 0..15624.")
  Arch arch;

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      converter = FormatConverter.class, completionCandidates = FormatConverter.class,
      description = "Model format: ${COMPLETION-CANDIDATES}.")
  ModelFormat format;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "Where to write the model; replaced atomically if it exists.")
  Path out;

  @Mixin NetworkOptions network;

  @Override
  public Integer call() {
    network.requireSupportedBy(format);
    Network net = NetworkBuilder.build(arch, network.spec(), network.seed());
    byte[] bytes = format.emit(net);
    write(bytes);
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %s %s, %d layers, %.2f MB%n", out,
        format, arch.vector(), net.layers().size(), bytes.length / 1e6);
    spec.commandLine().getOut().flush();
    return 0;
  }

  private void write(byte[] bytes) {
    Path target = out.toAbsolutePath();
    if (!Files.isDirectory(target.getParent())) {
      throw new UserException("cannot write " + out + ": directory " + target.getParent()
          + " does not exist");
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile(target.getParent(), ".latlab-export", ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new UserException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path tmp) {
    try {
      if (tmp != null) {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException ignored) {
      // The write already failed; that is the error worth reporting.
    }
  }
}
