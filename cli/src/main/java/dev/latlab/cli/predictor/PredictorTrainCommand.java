package dev.latlab.cli.predictor;

import dev.latlab.cli.UserException;
import dev.latlab.cli.VersionProvider;
import dev.latlab.predictor.data.LatencyData;
import dev.latlab.predictor.eval.Split;
import dev.latlab.predictor.latency.LatencyModelFile;
import dev.latlab.predictor.latency.LatencyTraining;
import dev.latlab.predictor.latency.ModelKind;
import dev.latlab.predictor.latency.TrainedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab predictor train}: train a predictor on a device's data and save it. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Train a latency predictor on a device's cells and save it (a protobuf file "
        + "with weights, normalisation, options and provenance) for 'predictor predict' and "
        + "'search --latency-model'. --valid random cells are held out for early stopping.", ""})
final class PredictorTrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataOptions data;

  @Option(names = "--model", paramLabel = "MODEL", description = "gcn, mlp, flops or layerwise. "
      + "Default: ${DEFAULT-VALUE}.")
  String model = "gcn";

  @Option(names = "--train", paramLabel = "N", description = "Training cells (random, or spread "
      + "with --pretrain). Default: every cell not held out for validation.")
  Integer train;

  @Option(names = "--valid", paramLabel = "N", description = "Validation cells. Default: "
      + "${DEFAULT-VALUE}.")
  int valid = 100;

  @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to save "
      + "the predictor; replaced atomically.")
  Path out;

  @Mixin TrainingOptions training;

  @Override
  public Integer call() {
    ModelKind kind = PredictorEvalCommand.parseKind(model);
    LatencyData device = data.load();
    List<LatencyData> pretrain = data.loadPretrain(training.pretrain);
    int cells = train != null ? train : device.size() - valid - 1;
    Split split = PredictorEvalCommand.split(device, pretrain.isEmpty(), cells, valid,
        training.seed);
    long start = System.nanoTime();
    TrainedModel trained;
    try (EpochProgress progress = new EpochProgress(kind.cliName())) {
      trained = LatencyTraining.transfer(kind, split.train(), split.valid(), pretrain,
          training.options(), training.seed, progress);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    try {
      LatencyModelFile.write(out, trained, dev.latlab.predictor.latency.Provenances.of(
          split.train(), split.valid(), pretrain, training.seed, trained, seconds,
          VersionProvider.version()));
    } catch (IOException e) {
      throw new UserException("cannot write " + out + ": " + e.getMessage(), e);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "trained %s on %d cells of %s in %.1f s; saved %s%n",
        kind.cliName(), split.train().size(), device.name(), seconds, out);
    stdout.flush();
    return 0;
  }
}
