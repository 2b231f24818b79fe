package dev.latlab.cli.predictor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code latlab predictor}: the per-target latency predictors. */
@Command(name = "predictor", mixinStandardHelpOptions = true,
    description = {"Latency predictors per target: BRP-NAS's GCN over the cell graph and three "
        + "baselines (FLOPs line, MLP on the one-hot op vector, layer-wise sum), few-shot "
        + "transfer to a new device, exact evaluation, saved models.", ""},
    subcommands = {PredictorEvalCommand.class, PredictorReportCommand.class,
        PredictorTrainCommand.class, PredictorPredictCommand.class, PredictorBenchCommand.class})
public final class PredictorCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
