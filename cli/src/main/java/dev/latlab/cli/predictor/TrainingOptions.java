package dev.latlab.cli.predictor;

import dev.latlab.cli.UserException;
import dev.latlab.predictor.latency.ModelOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Seed, few-shot transfer and hyper-parameters of the trained models (a picocli mixin). */
final class TrainingOptions {
  private static final ModelOptions DEFAULTS = ModelOptions.defaults();

  @Option(names = "--seed", paramLabel = "S", description = "Seeds the split, the few-shot "
      + "selection, initialisation, shuffles and dropout. Default: ${DEFAULT-VALUE}.")
  long seed = 1;

  @Option(names = "--pretrain", paramLabel = "FILE:COL", split = ",", description = "Few-shot "
      + "transfer: pre-train on these other devices' data (FILE:COLUMN, or a pickle FILE), then "
      + "adapt to the --train cells of this device, which are chosen spread in FLOPs and op mix.")
  List<String> pretrain = new ArrayList<>();

  @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs. Default: "
      + "${DEFAULT-VALUE}.")
  int epochs = DEFAULTS.epochs();

  @Option(names = "--batch-size", paramLabel = "N", description = "Graphs per step. Default: "
      + "${DEFAULT-VALUE}.")
  int batchSize = DEFAULTS.batchSize();

  @Option(names = "--lr", paramLabel = "X", description = "AdamW learning rate. Default: "
      + "${DEFAULT-VALUE}.")
  double learningRate = DEFAULTS.learningRate();

  @Option(names = "--weight-decay", paramLabel = "X", description = "AdamW weight decay. "
      + "Default: ${DEFAULT-VALUE}.")
  double weightDecay = DEFAULTS.weightDecay();

  @Option(names = "--layers", paramLabel = "N", description = "Graph-convolution (MLP: dense) "
      + "layers. Default: ${DEFAULT-VALUE}.")
  int layers = DEFAULTS.layers();

  @Option(names = "--hidden", paramLabel = "N", description = "Width of each layer. Default: "
      + "${DEFAULT-VALUE}.")
  int hidden = DEFAULTS.hidden();

  @Option(names = "--dropout", paramLabel = "X", description = "Dropout. Default: "
      + "${DEFAULT-VALUE}.")
  double dropout = DEFAULTS.dropout();

  @Option(names = "--lr-patience", paramLabel = "N", description = "Epochs without validation "
      + "improvement before the learning rate halves. Default: ${DEFAULT-VALUE}.")
  int lrPatience = DEFAULTS.lrPatience();

  @Option(names = "--es-patience", paramLabel = "N", description = "Epochs without validation "
      + "improvement before training stops. Default: ${DEFAULT-VALUE}.")
  int esPatience = DEFAULTS.esPatience();

  @Option(names = "--rank-loss", paramLabel = "W", description = "Weight of a pairwise ranking "
      + "term (RS-NAS: a search needs the order of cells); 0 = off. Default: ${DEFAULT-VALUE}.")
  double rankLoss = DEFAULTS.rankLoss();

  @Option(names = "--adapt-epochs", paramLabel = "N", description = "Few-shot: fine-tuning "
      + "epochs on this device's cells. Default: ${DEFAULT-VALUE}.")
  int adaptEpochs = DEFAULTS.adaptEpochs();

  @Option(names = "--pretrain-cells", paramLabel = "N", description = "Few-shot: cells used "
      + "from each pre-training device. Default: ${DEFAULT-VALUE}.")
  int pretrainCells = DEFAULTS.pretrainCells();

  @Option(names = "--linear-skip", description = "GCN and MLP: fit ln(latency) linearly in the op "
      + "counts first and train the network on what that misses. Helps where latency is additive "
      + "in the ops (mobile CPUs), hurts on GPUs (see docs/predictor.md). Default: off (BRP-NAS).")
  boolean linearSkip;

  @Option(names = "--threads", paramLabel = "N", description = "Training threads (results do "
      + "not depend on it). Default: one per core.")
  int threads = DEFAULTS.threads();

  /**
   * Returns the hyper-parameters.
   *
   * @return the options
   * @throws UserException naming a bad value
   */
  ModelOptions options() {
    try {
      return new ModelOptions(layers, hidden, dropout, epochs, learningRate, weightDecay,
          lrPatience, esPatience, batchSize, rankLoss, threads, adaptEpochs, pretrainCells,
          linearSkip);
    } catch (IllegalArgumentException e) {
      throw new UserException("invalid training option: " + e.getMessage(), e);
    }
  }
}
