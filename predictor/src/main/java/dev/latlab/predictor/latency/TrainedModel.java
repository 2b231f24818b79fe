package dev.latlab.predictor.latency;

import dev.latlab.proto.v1.LatencyPredictorFile;

/** A latency predictor that was trained and can be saved with {@link LatencyModelFile}. */
public interface TrainedModel extends LatencyPredictor {
  /**
   * Returns which model this is.
   *
   * @return the kind
   */
  ModelKind kind();

  /**
   * Describes the model for saving: kind, parameters, target normalisation and options (the file
   * adds provenance).
   *
   * @return a builder holding everything needed to predict again
   */
  LatencyPredictorFile.Builder describe();

  /**
   * Returns the training epochs run, for models trained by gradient descent.
   *
   * @return epochs, or 0 for a closed-form fit
   */
  default int epochsRun() {
    return 0;
  }
}
