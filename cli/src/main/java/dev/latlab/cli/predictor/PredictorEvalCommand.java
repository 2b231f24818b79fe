package dev.latlab.cli.predictor;

import dev.latlab.cli.Json;
import dev.latlab.cli.UserException;
import dev.latlab.predictor.data.LatencyData;
import dev.latlab.predictor.eval.Evaluation;
import dev.latlab.predictor.eval.PredictionMetrics;
import dev.latlab.predictor.eval.Split;
import dev.latlab.predictor.latency.ModelKind;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab predictor eval}: train on a random split and score on every remaining cell. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Train one model on --train random cells of a device (validated on --valid "
        + "others) and test it on every remaining cell with a value: share within +-1/5/10 %%, "
        + "Spearman, Kendall, MAPE, RMSE. With --pretrain: few-shot transfer, the --train cells "
        + "are chosen spread in FLOPs and op mix.", ""})
final class PredictorEvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataOptions data;

  @Option(names = "--model", paramLabel = "MODEL", description = "gcn, mlp, flops or layerwise. "
      + "Default: ${DEFAULT-VALUE}.")
  String model = "gcn";

  @Option(names = "--train", paramLabel = "N", description = "Training cells. Default: "
      + "${DEFAULT-VALUE}.")
  int train = 900;

  @Option(names = "--valid", paramLabel = "N", description = "Validation cells (early stopping); "
      + "0 for a true few-shot setting. Default: ${DEFAULT-VALUE}.")
  int valid = 100;

  @Option(names = "--json", description = "Print one JSON object instead of a report.")
  boolean json;

  @Mixin TrainingOptions training;

  @Override
  public Integer call() {
    ModelKind kind = parseKind(model);
    LatencyData device = data.load();
    List<LatencyData> pretrain = data.loadPretrain(training.pretrain);
    Split split = split(device, pretrain.isEmpty(), train, valid, training.seed);
    Evaluation e;
    try (EpochProgress progress = new EpochProgress(kind.cliName())) {
      e = Evaluation.run(kind, split, pretrain, training.options(), training.seed, progress);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? Json.write(EvalJson.of(e, device, training.seed, pretrain)) : report(e));
    out.flush();
    return 0;
  }

  static ModelKind parseKind(String name) {
    try {
      return ModelKind.parse(name);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  static Split split(LatencyData device, boolean random, int train, int valid, long seed) {
    try {
      return random ? Split.of(device, train, valid, seed)
          : Split.fewShot(device, train, valid, seed);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  private static String report(Evaluation e) {
    PredictionMetrics m = e.metrics();
    return String.format(Locale.ROOT, "model %s on %s%n"
        + "cells        train %d, valid %d, test %d%n"
        + "within       1%%: %.3f   5%%: %.3f   10%%: %.3f%n"
        + "rank         Spearman %.4f   Kendall %.4f%n"
        + "error        MAPE %.2f %%   RMSE %.4f ms%n"
        + "training     %.1f s, %d epochs",
        e.model().kind().cliName(), e.split().train().name(), e.split().train().size(),
        e.split().valid().size(), e.split().test().size(), m.within1pct(), m.within5pct(),
        m.within10pct(), m.spearman(), m.kendall(), m.mape(), m.rmseMs(), e.trainSeconds(),
        e.model().epochsRun());
  }
}
