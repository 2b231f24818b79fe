package dev.latlab.predictor.gcn;

import java.util.Objects;

/**
 * Hyper-parameters of a GCN and its training. Immutable; the {@code with...} methods return
 * validated copies.
 *
 * @param layers graph convolutions, >= 1
 * @param hidden embedding width, >= 1
 * @param dropout dropout probability after each layer, in [0, 1)
 * @param epochs maximum passes over the training data, >= 1
 * @param learningRate AdamW learning rate, > 0
 * @param weightDecay AdamW decoupled weight decay, >= 0
 * @param lrPatience plateau epochs before the learning rate halves ({@link LrSchedule#PLATEAU}),
 *     >= 0
 * @param esPatience epochs without a lower validation loss before training stops (checked after
 *     epoch 20); 0 disables early stopping
 * @param batchSize graphs per optimiser step, >= 1 (the binary relation predictor needs >= 2: it
 *     trains on all ordered pairs within a batch)
 * @param rankLossWeight weight of the pairwise logistic ranking term added to the regressor's L1
 *     loss (RS-NAS), >= 0; 0 disables it
 * @param threads threads for training and inference, >= 1; results do not depend on it
 * @param schedule how the learning rate changes
 */
public record GcnOptions(
    int layers,
    int hidden,
    double dropout,
    int epochs,
    double learningRate,
    double weightDecay,
    int lrPatience,
    int esPatience,
    int batchSize,
    double rankLossWeight,
    int threads,
    LrSchedule schedule) {

  /** Graphs per step of the latency defaults (eagle: 1). */
  static final int LATENCY_BATCH = 32;
  /** Learning rate of the latency defaults (eagle's, kept at the larger batch). */
  static final double LATENCY_LR = 4e-4;
  /** Embedding width of the binary relation defaults (eagle: 600). */
  static final int BINARY_HIDDEN = 256;
  /** Epochs of the binary relation defaults (eagle: 250). */
  static final int BINARY_EPOCHS = 150;
  /** Learning rate of the binary relation defaults (eagle: 3.5e-4). */
  static final double BINARY_LR = 7e-4;
  /** Cells per step of the binary relation defaults (eagle: 64 pairs). */
  static final int BINARY_BATCH = 8;

  /**
   * Validates every option.
   *
   * @throws IllegalArgumentException naming the first option out of range
   */
  public GcnOptions {
    require(layers >= 1, "layers", layers, ">= 1");
    require(hidden >= 1, "hidden", hidden, ">= 1");
    require(dropout >= 0 && dropout < 1, "dropout", dropout, "in [0, 1)");
    require(epochs >= 1, "epochs", epochs, ">= 1");
    require(learningRate > 0 && Double.isFinite(learningRate), "learningRate", learningRate,
        "> 0");
    require(weightDecay >= 0 && Double.isFinite(weightDecay), "weightDecay", weightDecay, ">= 0");
    require(lrPatience >= 0, "lrPatience", lrPatience, ">= 0");
    require(esPatience >= 0, "esPatience", esPatience, ">= 0");
    require(batchSize >= 1, "batchSize", batchSize, ">= 1");
    require(rankLossWeight >= 0 && Double.isFinite(rankLossWeight), "rankLossWeight",
        rankLossWeight, ">= 0");
    require(threads >= 1, "threads", threads, ">= 1");
    Objects.requireNonNull(schedule, "schedule");
  }

  private static void require(boolean ok, String option, Object value, String rule) {
    if (!ok) {
      throw new IllegalArgumentException(option + " must be " + rule + ", got " + value);
    }
  }

  private static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * The latency predictor of BRP-NAS (eagle {@code lat_gcn_nasbench201_desktop.yaml}): 4 layers of
   * 600, dropout 0.002, 250 epochs, AdamW learning rate 4e-4 and weight decay 5e-4, plateau
   * schedule (patience 10), early stopping patience 35, no ranking term, all processors.
   *
   * <p>Deviation: eagle trains with batch size 1; here a batch is {@value #LATENCY_BATCH} graphs
   * (same learning rate). On 900 + 100 LatBench cells (GTX 1080 Ti) that stopped early after 182
   * epochs, in 31 s on two free cores, with held-out Spearman 0.991 (batch 16: 0.993 but about 10%
   * slower; batch 64 at 8e-4: 0.987, about 20% faster).
   *
   * @return the options
   */
  public static GcnOptions latencyDefaults() {
    return new GcnOptions(4, 600, 0.002, 250, LATENCY_LR, 5e-4, 10, 35, LATENCY_BATCH, 0,
        defaultThreads(), LrSchedule.PLATEAU);
  }

  /**
   * The binary relation (accuracy) predictor of the BRP-NAS search (eagle {@code
   * acc_gcn_nasbench201_bin.yaml}): 4 layers, dropout 0.2, AdamW weight decay 5e-4, cosine
   * schedule, early stopping patience 35 on the loss over all training pairs.
   *
   * <p>Deviations, so that a search retrains in seconds: width {@value #BINARY_HIDDEN} (eagle 600),
   * {@value #BINARY_EPOCHS} epochs (eagle 250), learning rate {@value #BINARY_LR} (eagle 3.5e-4),
   * and a batch is {@value #BINARY_BATCH} cells trained on all their ordered pairs (eagle: 64 pairs
   * drawn from all pairs), so a step embeds each of its cells once. Trained on 100 CIFAR-100 cells
   * this ranks held-out cells with Spearman 0.89 (eagle's sizes: 0.91) in 1.5 to 2.5 s on two
   * cores, about a sixth of the time eagle's sizes take.
   *
   * @return the options
   */
  public static GcnOptions binaryRelationDefaults() {
    return new GcnOptions(4, BINARY_HIDDEN, 0.2, BINARY_EPOCHS, BINARY_LR, 5e-4, 10, 35,
        BINARY_BATCH, 0, defaultThreads(), LrSchedule.COSINE);
  }

  /**
   * Returns a copy with another number of layers.
   *
   * @param value >= 1
   * @return the copy
   */
  public GcnOptions withLayers(int value) {
    return new GcnOptions(value, hidden, dropout, epochs, learningRate, weightDecay, lrPatience,
        esPatience, batchSize, rankLossWeight, threads, schedule);
  }

  /**
   * Returns a copy with another embedding width.
   *
   * @param value >= 1
   * @return the copy
   */
  public GcnOptions withHidden(int value) {
    return new GcnOptions(layers, value, dropout, epochs, learningRate, weightDecay, lrPatience,
        esPatience, batchSize, rankLossWeight, threads, schedule);
  }

  /**
   * Returns a copy with another dropout probability.
   *
   * @param value in [0, 1)
   * @return the copy
   */
  public GcnOptions withDropout(double value) {
    return new GcnOptions(layers, hidden, value, epochs, learningRate, weightDecay, lrPatience,
        esPatience, batchSize, rankLossWeight, threads, schedule);
  }

  /**
   * Returns a copy with another epoch limit.
   *
   * @param value >= 1
   * @return the copy
   */
  public GcnOptions withEpochs(int value) {
    return new GcnOptions(layers, hidden, dropout, value, learningRate, weightDecay, lrPatience,
        esPatience, batchSize, rankLossWeight, threads, schedule);
  }

  /**
   * Returns a copy with another learning rate.
   *
   * @param value > 0
   * @return the copy
   */
  public GcnOptions withLearningRate(double value) {
    return new GcnOptions(layers, hidden, dropout, epochs, value, weightDecay, lrPatience,
        esPatience, batchSize, rankLossWeight, threads, schedule);
  }

  /**
   * Returns a copy with another weight decay.
   *
   * @param value >= 0
   * @return the copy
   */
  public GcnOptions withWeightDecay(double value) {
    return new GcnOptions(layers, hidden, dropout, epochs, learningRate, value, lrPatience,
        esPatience, batchSize, rankLossWeight, threads, schedule);
  }

  /**
   * Returns a copy with another plateau patience.
   *
   * @param value >= 0
   * @return the copy
   */
  public GcnOptions withLrPatience(int value) {
    return new GcnOptions(layers, hidden, dropout, epochs, learningRate, weightDecay, value,
        esPatience, batchSize, rankLossWeight, threads, schedule);
  }

  /**
   * Returns a copy with another early-stopping patience.
   *
   * @param value >= 0; 0 disables early stopping
   * @return the copy
   */
  public GcnOptions withEsPatience(int value) {
    return new GcnOptions(layers, hidden, dropout, epochs, learningRate, weightDecay, lrPatience,
        value, batchSize, rankLossWeight, threads, schedule);
  }

  /**
   * Returns a copy with another batch size.
   *
   * @param value >= 1
   * @return the copy
   */
  public GcnOptions withBatchSize(int value) {
    return new GcnOptions(layers, hidden, dropout, epochs, learningRate, weightDecay, lrPatience,
        esPatience, value, rankLossWeight, threads, schedule);
  }

  /**
   * Returns a copy with another ranking-term weight.
   *
   * @param value >= 0
   * @return the copy
   */
  public GcnOptions withRankLossWeight(double value) {
    return new GcnOptions(layers, hidden, dropout, epochs, learningRate, weightDecay, lrPatience,
        esPatience, batchSize, value, threads, schedule);
  }

  /**
   * Returns a copy with another thread count.
   *
   * @param value >= 1
   * @return the copy
   */
  public GcnOptions withThreads(int value) {
    return new GcnOptions(layers, hidden, dropout, epochs, learningRate, weightDecay, lrPatience,
        esPatience, batchSize, rankLossWeight, value, schedule);
  }

  /**
   * Returns a copy with another learning-rate schedule.
   *
   * @param value the schedule
   * @return the copy
   */
  public GcnOptions withSchedule(LrSchedule value) {
    return new GcnOptions(layers, hidden, dropout, epochs, learningRate, weightDecay, lrPatience,
        esPatience, batchSize, rankLossWeight, threads, value);
  }
}
