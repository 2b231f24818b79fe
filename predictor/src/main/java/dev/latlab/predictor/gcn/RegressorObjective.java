package dev.latlab.predictor.gcn;

import java.util.SplittableRandom;

/** Mini-batch L1 (+ ranking term) regression, validated on held-out cells. */
final class RegressorObjective implements TrainingLoop.Objective {
  private final BatchSteps steps;
  private final GcnOptions options;
  private final float[] trainY;
  private final GraphSet valid;
  private final float[] validY;
  private final float[] pred;
  private final float[] target;
  private final float[] gradPred;
  private final float[] gradEmb;
  private double lastTrainLoss = Double.NaN;

  RegressorObjective(GcnRuntime runtime, GraphSet train, float[] trainY, GraphSet valid,
      float[] validY, GcnOptions options, SplittableRandom random) {
    this.steps = new BatchSteps(runtime, train, options, random);
    this.options = options;
    this.trainY = trainY;
    this.valid = valid;
    this.validY = validY;
    int batch = Math.min(options.batchSize(), trainY.length);
    this.pred = new float[batch];
    this.target = new float[batch];
    this.gradPred = new float[batch];
    this.gradEmb = new float[batch * runtime.layout.hidden];
  }

  @Override
  public double trainEpoch(double learningRate) {
    steps.shuffle();
    int n = trainY.length;
    double total = 0;
    for (int from = 0; from < n; from += options.batchSize()) {
      int to = Math.min(n, from + options.batchSize());
      total += step(from, to, learningRate) * (to - from);
    }
    lastTrainLoss = total / n;
    return lastTrainLoss;
  }

  private double step(int from, int to, double learningRate) {
    int graphs = to - from;
    Dropout masks = steps.forward(from, to);
    GcnRuntime rt = steps.runtime;
    float[] emb = steps.trace.embedding();
    RegressionHead.predict(rt.params, rt.layout, emb, graphs, pred);
    for (int g = 0; g < graphs; g++) {
      target[g] = trainY[steps.order[from + g]];
    }
    double loss = RegressionLoss.evaluate(pred, target, graphs, options.rankLossWeight(),
        gradPred);
    RegressionHead.backward(rt.params, rt.layout, emb, graphs, gradPred, gradEmb, steps.grad);
    steps.backwardAndStep(gradEmb, masks, learningRate);
    return loss;
  }

  /** Validation loss in evaluation mode; without validation cells, the last mean training loss. */
  @Override
  public double validationLoss() {
    if (validY.length == 0) {
      return lastTrainLoss;
    }
    GcnRuntime rt = steps.runtime;
    float[] predictions = new float[validY.length];
    RegressionHead.predict(rt.params, rt.layout, rt.embed(valid), validY.length, predictions);
    return RegressionLoss.evaluate(predictions, validY, validY.length, options.rankLossWeight(),
        null);
  }
}
