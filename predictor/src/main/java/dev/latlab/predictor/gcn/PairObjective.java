package dev.latlab.predictor.gcn;

import java.util.SplittableRandom;

/**
 * Binary relation training. A batch is a set of cells and its loss covers all their ordered pairs,
 * so each cell is embedded once per step however many pairs it is in. Over the epochs the shuffled
 * batches cover every ordered pair of the training cells. The loss that selects the kept weights is
 * the one over all ordered training pairs in evaluation mode, as in BRP-NAS.
 */
final class PairObjective implements TrainingLoop.Objective {
  private final BatchSteps steps;
  private final GcnOptions options;
  private final double[] quality;
  private final double[] batchQuality;
  private final float[] gradEmb;

  PairObjective(GcnRuntime runtime, GraphSet cells, double[] quality, GcnOptions options,
      SplittableRandom random) {
    this.steps = new BatchSteps(runtime, cells, options, random);
    this.options = options;
    this.quality = quality;
    // A batch holds at most batchSize + 1 cells (a lone last cell joins the batch before it).
    int capacity = Math.min(options.batchSize(), quality.length) + 1;
    this.batchQuality = new double[capacity];
    this.gradEmb = new float[capacity * runtime.layout.hidden];
  }

  @Override
  public double trainEpoch(double learningRate) {
    steps.shuffle();
    int n = quality.length;
    double total = 0;
    long pairs = 0;
    for (int from = 0; from < n; ) {
      int to = Math.min(n, from + options.batchSize());
      if (n - to == 1) {
        to = n; // a lone last cell has no pair: it joins this batch
      }
      long batchPairs = (long) (to - from) * (to - from - 1);
      total += step(from, to, learningRate) * batchPairs;
      pairs += batchPairs;
      from = to;
    }
    return total / pairs;
  }

  private double step(int from, int to, double learningRate) {
    int graphs = to - from;
    Dropout masks = steps.forward(from, to);
    GcnRuntime rt = steps.runtime;
    for (int g = 0; g < graphs; g++) {
      batchQuality[g] = quality[steps.order[from + g]];
    }
    double loss = new PairHead(rt.params, rt.layout)
        .loss(steps.trace.embedding(), graphs, batchQuality, gradEmb, steps.grad);
    steps.backwardAndStep(gradEmb, masks, learningRate);
    return loss;
  }

  @Override
  public double validationLoss() {
    GcnRuntime rt = steps.runtime;
    return new PairHead(rt.params, rt.layout)
        .loss(rt.embed(steps.graphs), quality.length, quality, null, null);
  }
}
