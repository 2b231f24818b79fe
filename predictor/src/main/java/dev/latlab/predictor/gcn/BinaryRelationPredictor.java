package dev.latlab.predictor.gcn;

import dev.latlab.nb201.graph.GcnEncoding;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The BRP-NAS binary relation predictor: given two cells, the probability that the first is better
 * (e.g. more accurate). Trained on all ordered pairs of the cells queried so far. Immutable once
 * trained; safe to share between threads.
 */
public final class BinaryRelationPredictor {
  private final GcnWeights weights;
  private final GcnOptions options;
  private final int epochsRun;

  private BinaryRelationPredictor(GcnWeights weights, GcnOptions options, int epochsRun) {
    this.weights = weights;
    this.options = options;
    this.epochsRun = epochsRun;
  }

  /**
   * Trains a predictor without progress reports. See {@link #train(List, double[], GcnOptions,
   * long, GcnWeights, TrainingListener)}.
   *
   * @param cells the cells queried so far
   * @param quality their quality, higher is better
   * @param options hyper-parameters
   * @param seed seeds initialisation, shuffling and dropout
   * @param initOrNull weights to start from (e.g. the previous search iteration's), or null
   * @return the predictor
   */
  public static BinaryRelationPredictor train(List<GcnEncoding> cells, double[] quality,
      GcnOptions options, long seed, GcnWeights initOrNull) {
    return train(cells, quality, options, seed, initOrNull, TrainingListener.NONE);
  }

  /**
   * Trains a predictor on all ordered pairs of {@code cells}: the target of pair {@code (a, b)} is
   * 1 if {@code a} is better, 0 if worse, 0.5 if tied. Each step takes {@code batchSize} shuffled
   * cells and all ordered pairs among them, so an epoch embeds each cell once and the epochs cover
   * every pair; {@code batchSize >= cells.size()} trains on all pairs at every step. The weights of
   * the lowest loss over all pairs (evaluation mode) are kept. Same data, options and seed give
   * bit-identical weights for any {@code threads}.
   *
   * @param cells the cells queried so far, at least 2
   * @param quality their quality, higher is better, finite
   * @param options hyper-parameters; {@code batchSize} (cells per step) must be >= 2
   * @param seed seeds initialisation, shuffling and dropout
   * @param initOrNull weights to start from (e.g. the previous search iteration's), or null
   * @param listener told about every epoch
   * @return the predictor
   * @throws IllegalArgumentException if there are fewer than 2 cells, the sizes differ, a quality
   *     is not finite, the batch is below 2, or {@code initOrNull} does not fit the options
   */
  public static BinaryRelationPredictor train(List<GcnEncoding> cells, double[] quality,
      GcnOptions options, long seed, GcnWeights initOrNull, TrainingListener listener) {
    checkData(cells, quality);
    Objects.requireNonNull(options, "options");
    if (options.batchSize() < 2) {
      throw new IllegalArgumentException(
          "batchSize must be >= 2 for the binary relation predictor (it trains on pairs within a"
              + " batch), got " + options.batchSize());
    }
    Objects.requireNonNull(listener, "listener");
    SplittableRandom random = new SplittableRandom(seed);
    GcnWeights start =
        GcnWeights.startFrom(GcnHead.BINARY_RELATION, options, initOrNull, random);
    try (GcnRuntime runtime = new GcnRuntime(start, options.threads())) {
      PairObjective objective = new PairObjective(runtime, GraphSet.of(cells), quality.clone(),
          options, random);
      int epochs = TrainingLoop.run(options, runtime.params, objective, listener);
      return new BinaryRelationPredictor(runtime.weights(), options, epochs);
    }
  }

  private static void checkData(List<GcnEncoding> cells, double[] quality) {
    Objects.requireNonNull(cells, "cells");
    Objects.requireNonNull(quality, "quality");
    if (cells.size() != quality.length) {
      throw new IllegalArgumentException(cells.size() + " cells but " + quality.length
          + " quality values");
    }
    if (cells.size() < 2) {
      throw new IllegalArgumentException("need at least 2 cells to form pairs, got "
          + cells.size());
    }
    for (int i = 0; i < quality.length; i++) {
      if (!Double.isFinite(quality[i])) {
        throw new IllegalArgumentException("quality " + i + " is " + quality[i]);
      }
    }
  }

  /**
   * Wraps existing weights, e.g. loaded from a file.
   *
   * @param weights binary relation weights
   * @param options their options ({@code layers} and {@code hidden} must match)
   * @return the predictor; {@link #epochsRun()} is 0
   * @throws IllegalArgumentException if the weights do not fit the options
   */
  public static BinaryRelationPredictor of(GcnWeights weights, GcnOptions options) {
    weights.checkFits(GcnHead.BINARY_RELATION, options);
    return new BinaryRelationPredictor(weights.copy(), options, 0);
  }

  /**
   * Returns the embedding (global node of the last layer, evaluation mode) of each cell. Identical
   * encodings are computed once.
   *
   * @param cells the cells
   * @return one {@code hidden}-wide row per cell
   */
  public float[][] embed(List<GcnEncoding> cells) {
    UniqueCells unique = UniqueCells.of(cells);
    float[] flat = embedDistinct(unique);
    int h = weights.hidden();
    float[][] out = new float[cells.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = Arrays.copyOfRange(flat, unique.slot[i] * h, (unique.slot[i] + 1) * h);
    }
    return out;
  }

  private float[] embedDistinct(UniqueCells unique) {
    try (GcnRuntime runtime = new GcnRuntime(weights, options.threads())) {
      return runtime.embed(GraphSet.of(unique.distinct));
    }
  }

  /**
   * Returns the predicted probability that {@code a} is better than {@code b} (evaluation mode).
   *
   * @param a first cell
   * @param b second cell
   * @return {@code exp(log_softmax(...)[0])}, in [0, 1]
   */
  public double probFirstBetter(GcnEncoding a, GcnEncoding b) {
    float[] emb;
    // One thread: a single pair is too small to share, and no pool threads start per call.
    try (GcnRuntime runtime = new GcnRuntime(weights, 1)) {
      emb = runtime.embed(GraphSet.of(List.of(a, b)));
    }
    PairHead head = new PairHead(weights.values, weights.layout);
    return RegressionLoss.sigmoid(head.logitGap(head.terms(emb, 0), head.terms(emb, 1)));
  }

  /**
   * Orders cells best first, as BRP-NAS does: a sort whose comparator is the predictor. The
   * comparator asks the predictor both ways ({@code gap(a, b) - gap(b, a)}, gap being the logit
   * difference), which makes it a total order (asked one way only, the predictor need not be
   * antisymmetric or transitive, and a sort may then fail). With the linear head that difference is
   * {@code s(a) - s(b)} for a per-cell score {@code s(x) = (u_0 - u_1 - v_0 + v_1) . e_x}, so each
   * comparison is O(1) over precomputed embeddings. Ties keep input order.
   *
   * @param cells the cells
   * @return indices into {@code cells}, best first
   */
  public int[] rank(List<GcnEncoding> cells) {
    double[] score = scores(cells);
    return IntStream.range(0, cells.size()).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -score[i]))
        .mapToInt(Integer::intValue).toArray();
  }

  /**
   * Returns each cell's score {@code s(x)}: higher means predicted better (see {@link #rank}).
   *
   * @param cells the cells
   * @return one score per cell
   */
  public double[] scores(List<GcnEncoding> cells) {
    UniqueCells unique = UniqueCells.of(cells);
    float[] emb = embedDistinct(unique);
    PairHead head = new PairHead(weights.values, weights.layout);
    double[] distinct = new double[unique.distinct.size()];
    for (int g = 0; g < distinct.length; g++) {
      double[] t = head.terms(emb, g);
      distinct[g] = t[0] - t[1] - t[2] + t[3];
    }
    double[] out = new double[cells.size()];
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
   * Returns the options the predictor was built with.
   *
   * @return the options
   */
  public GcnOptions options() {
    return options;
  }

  /**
   * Returns the number of epochs training ran.
   *
   * @return epochs, 0 for a predictor made by {@link #of}
   */
  public int epochsRun() {
    return epochsRun;
  }
}
