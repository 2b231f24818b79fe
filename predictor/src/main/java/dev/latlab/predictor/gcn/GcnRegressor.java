package dev.latlab.predictor.gcn;

import dev.latlab.nb201.graph.GcnEncoding;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The BRP-NAS latency predictor: a GCN over the cell graph with a {@code Linear(hidden, 1)} head,
 * trained with an L1 loss (plus the optional RS-NAS ranking term) on targets the caller has already
 * normalised. Immutable once trained; safe to share between threads.
 */
public final class GcnRegressor {
  private final GcnWeights weights;
  private final GcnOptions options;
  private final int epochsRun;

  private GcnRegressor(GcnWeights weights, GcnOptions options, int epochsRun) {
    this.weights = weights;
    this.options = options;
    this.epochsRun = epochsRun;
  }

  /**
   * Trains a regressor. The same data, options and seed give bit-identical weights for any {@code
   * threads}.
   *
   * @param trainX training cells
   * @param trainY their targets, normalised by the caller
   * @param validX validation cells, may be empty (then the mean training loss selects the weights
   *     and drives the schedule)
   * @param validY their targets
   * @param options hyper-parameters
   * @param seed seeds initialisation, shuffling and dropout
   * @param initOrNull weights to start from (fine-tuning), or null for a fresh "thomas" init
   * @param listener told about every epoch; use {@link TrainingListener#NONE} for none
   * @return the regressor with the weights of the lowest validation loss
   * @throws IllegalArgumentException if sizes differ, there are no training cells, a target is not
   *     finite, or {@code initOrNull} does not fit the options
   */
  public static GcnRegressor train(List<GcnEncoding> trainX, float[] trainY,
      List<GcnEncoding> validX, float[] validY, GcnOptions options, long seed,
      GcnWeights initOrNull, TrainingListener listener) {
    checkData("training", trainX, trainY);
    checkData("validation", validX, validY);
    if (trainX.isEmpty()) {
      throw new IllegalArgumentException("no training cells");
    }
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(listener, "listener");
    SplittableRandom random = new SplittableRandom(seed);
    GcnWeights start = GcnWeights.startFrom(GcnHead.REGRESSION, options, initOrNull, random);
    try (GcnRuntime runtime = new GcnRuntime(start, options.threads())) {
      RegressorObjective objective = new RegressorObjective(runtime, GraphSet.of(trainX),
          trainY.clone(), GraphSet.of(validX), validY.clone(), options, random);
      int epochs = TrainingLoop.run(options, runtime.params, objective, listener);
      return new GcnRegressor(runtime.weights(), options, epochs);
    }
  }

  private static void checkData(String what, List<GcnEncoding> cells, float[] targets) {
    Objects.requireNonNull(cells, what + " cells");
    Objects.requireNonNull(targets, what + " targets");
    if (cells.size() != targets.length) {
      throw new IllegalArgumentException(what + ": " + cells.size() + " cells but "
          + targets.length + " targets");
    }
    for (int i = 0; i < targets.length; i++) {
      if (!Float.isFinite(targets[i])) {
        throw new IllegalArgumentException(what + " target " + i + " is " + targets[i]);
      }
    }
  }

  /**
   * Wraps existing weights, e.g. loaded from a file.
   *
   * @param weights regression weights
   * @param options their options ({@code layers} and {@code hidden} must match; {@code threads}
   *     is used by {@link #predict})
   * @return the regressor; {@link #epochsRun()} is 0
   * @throws IllegalArgumentException if the weights do not fit the options
   */
  public static GcnRegressor of(GcnWeights weights, GcnOptions options) {
    weights.checkFits(GcnHead.REGRESSION, options);
    return new GcnRegressor(weights.copy(), options, 0);
  }

  /**
   * Predicts the (normalised) target of each cell, in evaluation mode. Identical encodings are
   * computed once.
   *
   * @param cells the cells
   * @return one prediction per cell, in order
   */
  public float[] predict(List<GcnEncoding> cells) {
    UniqueCells unique = UniqueCells.of(cells);
    float[] distinct = new float[unique.distinct.size()];
    try (GcnRuntime runtime = new GcnRuntime(weights, options.threads())) {
      float[] emb = runtime.embed(GraphSet.of(unique.distinct));
      RegressionHead.predict(runtime.params, runtime.layout, emb, distinct.length, distinct);
    }
    float[] out = new float[cells.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = distinct[unique.slot[i]];
    }
    return out;
  }

  /**
   * Returns the weights.
   *
   * @return a copy
   */
  public GcnWeights weights() {
    return weights.copy();
  }

  /**
   * Returns the options the regressor was built with.
   *
   * @return the options
   */
  public GcnOptions options() {
    return options;
  }

  /**
   * Returns the number of epochs training ran (early stopping may end it before the limit).
   *
   * @return epochs, 0 for a regressor made by {@link #of}
   */
  public int epochsRun() {
    return epochsRun;
  }
}
