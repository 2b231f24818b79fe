package dev.latlab.predictor.gcn;

import dev.latlab.nb201.graph.GcnEncoding;
import java.util.List;

/** Runs one forward and backward pass of the production code on a batch (tests only). */
final class PassRunner {
  private PassRunner() {}

  static float[] embeddings(GcnWeights w, List<GcnEncoding> batch, Dropout masks) {
    try (GcnRuntime rt = new GcnRuntime(w, 1)) {
      Trace t = forward(rt, batch, masks);
      return t.embedding().clone();
    }
  }

  static float[] regressionGradient(GcnWeights w, List<GcnEncoding> batch, float[] target,
      double rank, Dropout masks) {
    try (GcnRuntime rt = new GcnRuntime(w, 1)) {
      Trace t = forward(rt, batch, masks);
      int n = batch.size();
      float[] pred = new float[n];
      RegressionHead.predict(rt.params, rt.layout, t.embedding(), n, pred);
      float[] gradPred = new float[n];
      RegressionLoss.evaluate(pred, target, n, rank, gradPred);
      float[] grad = new float[rt.params.length];
      float[] gradEmb = new float[n * rt.layout.hidden];
      RegressionHead.backward(rt.params, rt.layout, t.embedding(), n, gradPred, gradEmb, grad);
      rt.network.backward(rt.params, t, gradEmb, grad, masks.scale());
      return grad;
    }
  }

  static float[] pairGradient(GcnWeights w, List<GcnEncoding> batch, double[] quality,
      Dropout masks) {
    try (GcnRuntime rt = new GcnRuntime(w, 1)) {
      Trace t = forward(rt, batch, masks);
      int n = batch.size();
      float[] grad = new float[rt.params.length];
      float[] gradEmb = new float[n * rt.layout.hidden];
      new PairHead(rt.params, rt.layout).loss(t.embedding(), n, quality, gradEmb, grad);
      rt.network.backward(rt.params, t, gradEmb, grad, masks.scale());
      return grad;
    }
  }

  private static Trace forward(GcnRuntime rt, List<GcnEncoding> batch, Dropout masks) {
    Trace t = new Trace(rt.layout);
    int[] order = new int[batch.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    GraphSet.of(batch).load(order, 0, order.length, t);
    rt.network.forward(rt.params, t, masks);
    return t;
  }
}
