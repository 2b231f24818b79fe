package dev.latlab.predictor.eval;

import dev.latlab.predictor.data.LatencyData;
import dev.latlab.predictor.latency.LatencyTraining;
import dev.latlab.predictor.latency.ModelKind;
import dev.latlab.predictor.latency.ModelOptions;
import dev.latlab.predictor.latency.TrainedModel;
import dev.latlab.predictor.latency.TrainingListener;
import java.util.List;

/**
 * One model trained on a split's training cells and scored on its test cells.
 *
 * @param model the trained model
 * @param split the split it was trained and tested on
 * @param predictedMs its predictions for the test cells, in the test set's order
 * @param metrics the predictions against the measurements
 * @param trainSeconds wall time of training (pre-training included)
 */
public record Evaluation(TrainedModel model, Split split, double[] predictedMs,
    PredictionMetrics metrics, double trainSeconds) {

  /**
   * Trains and tests one model.
   *
   * @param kind the model
   * @param split train / validation / test cells
   * @param pretrain other devices' data for few-shot transfer; empty for none
   * @param options hyper-parameters
   * @param seed makes training reproducible
   * @param listener hears about epochs
   * @return the evaluation
   */
  public static Evaluation run(ModelKind kind, Split split, List<LatencyData> pretrain,
      ModelOptions options, long seed, TrainingListener listener) {
    long start = System.nanoTime();
    TrainedModel model = LatencyTraining.transfer(kind, split.train(), split.valid(), pretrain,
        options, seed, listener);
    double seconds = (System.nanoTime() - start) / 1e9;
    double[] predicted = model.predictMs(split.test().archs());
    return new Evaluation(model, split, predicted,
        PredictionMetrics.of(predicted, split.test().values()), seconds);
  }
}
