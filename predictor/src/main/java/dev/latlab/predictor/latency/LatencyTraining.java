package dev.latlab.predictor.latency;

import dev.latlab.predictor.data.LatencyData;
import java.util.List;

/** Trains a latency model of any kind, on one device or by few-shot transfer from others. */
public final class LatencyTraining {
  private LatencyTraining() {}

  /**
   * Trains a model on one device's cells.
   *
   * @param kind the model
   * @param train training cells
   * @param valid validation cells (early stopping, learning-rate schedule); may be empty
   * @param options hyper-parameters of the trained models
   * @param seed makes training reproducible
   * @param listener hears about epochs
   * @return the trained model
   */
  public static TrainedModel train(ModelKind kind, LatencyData train, LatencyData valid,
      ModelOptions options, long seed, TrainingListener listener) {
    return transfer(kind, train, valid, List.of(), options, seed, listener);
  }

  /**
   * Trains with few-shot transfer: a network model is pre-trained on the other devices' data
   * ({@code options.pretrainCells()} cells of each, each device's targets normalised on its own),
   * then fine-tuned on the new device's few cells. The linear baselines have nothing to transfer
   * and fit the new device's cells alone. Without pre-training data this is plain training.
   *
   * @param kind the model
   * @param train the new device's training cells (the K measured ones)
   * @param valid its validation cells; may be empty (a true few-shot setting)
   * @param pretrain other devices' datasets
   * @param options hyper-parameters
   * @param seed makes training reproducible
   * @param listener hears about epochs
   * @return the trained model
   */
  public static TrainedModel transfer(ModelKind kind, LatencyData train, LatencyData valid,
      List<LatencyData> pretrain, ModelOptions options, long seed, TrainingListener listener) {
    return switch (kind) {
      case FLOPS, LAYERWISE -> LinearModel.fit(kind, train);
      case GCN -> GcnLatencyModel.train(train, valid, pretrain, options, seed, listener);
      case MLP -> MlpLatencyModel.train(train, valid, pretrain, options, seed, listener);
    };
  }
}
