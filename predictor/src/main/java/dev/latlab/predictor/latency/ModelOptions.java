package dev.latlab.predictor.latency;

import dev.latlab.predictor.gcn.GcnOptions;
import dev.latlab.predictor.gcn.LrSchedule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyper-parameters of the trained latency models (GCN and MLP; the linear baselines have none).
 * Defaults are BRP-NAS's latency predictor (SamsungLabs/eagle {@code lat_gcn_nasbench201_*.yaml})
 * except the batch size: eagle trains one graph per step, which is ~30x slower here for no gain in
 * accuracy, so LatLab batches (see docs/predictor.md).
 *
 * @param layers graph-convolution (or dense) layers
 * @param hidden width of each layer
 * @param dropout dropout after each layer
 * @param epochs maximum training epochs
 * @param learningRate AdamW learning rate
 * @param weightDecay AdamW decoupled weight decay
 * @param lrPatience epochs without validation improvement before the learning rate halves
 * @param esPatience epochs without validation improvement before training stops
 * @param batchSize graphs per step
 * @param rankLoss weight of the pairwise ranking term (RS-NAS); 0 turns it off
 * @param threads worker threads (results do not depend on it)
 * @param adaptEpochs few-shot transfer: epochs of fine-tuning on the new device's cells
 * @param pretrainCells few-shot transfer: cells used from each pre-training device
 * @param linearSkip fit a linear model of log latency in the op counts first and train the network
 *     on what it misses (see {@link TargetScale})
 */
public record ModelOptions(int layers, int hidden, double dropout, int epochs, double learningRate,
    double weightDecay, int lrPatience, int esPatience, int batchSize, double rankLoss,
    int threads, int adaptEpochs, int pretrainCells, boolean linearSkip) {

  /** Validates every field. */
  public ModelOptions {
    positive("layers", layers);
    positive("hidden", hidden);
    positive("epochs", epochs);
    positive("batch size", batchSize);
    positive("threads", threads);
    positive("adapt epochs", adaptEpochs);
    positive("pretrain cells", pretrainCells);
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    if (!(learningRate > 0) || !(weightDecay >= 0) || !(rankLoss >= 0)) {
      throw new IllegalArgumentException("learning rate must be > 0, weight decay and rank-loss "
          + "weight >= 0");
    }
    if (lrPatience < 0 || esPatience < 0) {
      throw new IllegalArgumentException("patience must be >= 0");
    }
  }

  /**
   * Returns the defaults.
   *
   * @return BRP-NAS's hyper-parameters with LatLab's batch size and one thread per core
   */
  public static ModelOptions defaults() {
    return new ModelOptions(4, 600, 0.002, 250, 4e-4, 5e-4, 10, 35, 32, 0,
        Runtime.getRuntime().availableProcessors(), 100, 900, false);
  }

  /**
   * Returns the options as text, for a saved model's provenance.
   *
   * @return name to value, in declaration order
   */
  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("layers", Integer.toString(layers));
    map.put("hidden", Integer.toString(hidden));
    map.put("dropout", Double.toString(dropout));
    map.put("epochs", Integer.toString(epochs));
    map.put("learning_rate", Double.toString(learningRate));
    map.put("weight_decay", Double.toString(weightDecay));
    map.put("lr_patience", Integer.toString(lrPatience));
    map.put("es_patience", Integer.toString(esPatience));
    map.put("batch_size", Integer.toString(batchSize));
    map.put("rank_loss", Double.toString(rankLoss));
    map.put("adapt_epochs", Integer.toString(adaptEpochs));
    map.put("pretrain_cells", Integer.toString(pretrainCells));
    map.put("linear_skip", Boolean.toString(linearSkip));
    return map;
  }

  /**
   * Returns these options as the GCN engine's (the MLP uses them too), with a plateau schedule.
   *
   * @param epochs the epoch limit of this phase (training, pre-training or adaptation)
   * @return the engine's options
   */
  public GcnOptions toGcnOptions(int epochs) {
    return new GcnOptions(layers, hidden, dropout, epochs, learningRate, weightDecay, lrPatience,
        esPatience, batchSize, rankLoss, threads, LrSchedule.PLATEAU);
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
