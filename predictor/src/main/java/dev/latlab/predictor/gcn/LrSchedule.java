package dev.latlab.predictor.gcn;

/** How the learning rate changes over the epochs. */
public enum LrSchedule {
  /**
   * {@code ReduceLROnPlateau} on the validation loss: factor 0.5, {@code lrPatience}, relative
   * threshold 0.01, stepped only after epoch 20 (BRP-NAS latency predictor).
   */
  PLATEAU,
  /** Cosine annealing from the learning rate to 0 over {@code epochs} (BRP-NAS accuracy model). */
  COSINE
}
