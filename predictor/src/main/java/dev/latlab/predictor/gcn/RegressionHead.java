package dev.latlab.predictor.gcn;

/** {@code Linear(hidden, 1)} on each embedding, and its gradient. */
final class RegressionHead {
  private RegressionHead() {}

  /** {@code out[g] = fc.weight . emb[g] + fc.bias}. */
  static void predict(float[] w, ParamLayout layout, float[] emb, int graphs, float[] out) {
    int h = layout.hidden;
    for (int g = 0; g < graphs; g++) {
      double s = w[layout.fcBias()];
      for (int c = 0; c < h; c++) {
        s += (double) w[layout.fcWeight() + c] * emb[g * h + c];
      }
      out[g] = (float) s;
    }
  }

  /** Adds the head's parameter gradients to {@code grad} and writes the embeddings' gradient. */
  static void backward(float[] w, ParamLayout layout, float[] emb, int graphs, float[] gradPred,
      float[] gradEmb, float[] grad) {
    int h = layout.hidden;
    for (int g = 0; g < graphs; g++) {
      float d = gradPred[g];
      grad[layout.fcBias()] += d;
      for (int c = 0; c < h; c++) {
        grad[layout.fcWeight() + c] += d * emb[g * h + c];
        gradEmb[g * h + c] = d * w[layout.fcWeight() + c];
      }
    }
  }
}
