package dev.latlab.predictor.gcn;

/**
 * The binary relation head, {@code log_softmax(Linear(2 * hidden, 2)([e_a; e_b]))}, over all
 * ordered pairs of a set of embeddings. The linear layer splits into a part per cell: {@code
 * logit_k(a, b) = u_k . e_a + v_k . e_b + c_k}, so each cell's four dot products are computed once
 * and a pair costs O(1). Output 0 means "a is better".
 */
final class PairHead {
  private final float[] w;
  private final ParamLayout layout;
  private final int h;

  PairHead(float[] w, ParamLayout layout) {
    this.w = w;
    this.layout = layout;
    this.h = layout.hidden;
  }

  /** Row {@code k}, half {@code part} (0: first cell, 1: second) of fc.weight, dotted with emb. */
  double dot(int k, int part, float[] emb, int g) {
    int at = layout.fcWeight() + k * 2 * h + part * h;
    double s = 0;
    for (int c = 0; c < h; c++) {
      s += (double) w[at + c] * emb[g * h + c];
    }
    return s;
  }

  /** {@code logit_0(a, b) - logit_1(a, b)} from per-cell terms {@code [u0, u1, v0, v1]}. */
  double logitGap(double[] termsA, double[] termsB) {
    return termsA[0] - termsA[1] + termsB[2] - termsB[3] + w[layout.fcBias()]
        - w[layout.fcBias() + 1];
  }

  /** The four per-cell terms {@code u0.e, u1.e, v0.e, v1.e} of graph {@code g}. */
  double[] terms(float[] emb, int g) {
    return new double[] {dot(0, 0, emb, g), dot(1, 0, emb, g), dot(0, 1, emb, g),
        dot(1, 1, emb, g)};
  }

  /**
   * Mean cross-entropy over all ordered pairs {@code (a, b), a != b} of the graphs against the
   * target "a is better" (1 if {@code quality[a] > quality[b]}, 0 if lower, 0.5 if tied). With
   * {@code gradEmb} not null, writes the embeddings' gradient and adds the head's to {@code grad}.
   */
  double loss(float[] emb, int graphs, double[] quality, float[] gradEmb, float[] grad) {
    double[][] terms = new double[graphs][];
    for (int g = 0; g < graphs; g++) {
      terms[g] = terms(emb, g);
    }
    int pairs = graphs * (graphs - 1);
    double[][] gradTerms = new double[graphs][4];
    double sum = 0;
    double gradGap = 0;
    for (int a = 0; a < graphs; a++) {
      for (int b = 0; b < graphs; b++) {
        if (a == b) {
          continue;
        }
        double gap = logitGap(terms[a], terms[b]);
        double target = quality[a] > quality[b] ? 1 : quality[a] < quality[b] ? 0 : 0.5;
        // -t log p0 - (1 - t) log p1, with p0 = sigmoid(gap).
        sum += target * RegressionLoss.softplus(-gap) + (1 - target) * RegressionLoss.softplus(gap);
        double g = (RegressionLoss.sigmoid(gap) - target) / pairs;
        gradTerms[a][0] += g;
        gradTerms[a][1] -= g;
        gradTerms[b][2] += g;
        gradTerms[b][3] -= g;
        gradGap += g;
      }
    }
    if (gradEmb != null) {
      backward(emb, graphs, gradTerms, gradGap, gradEmb, grad);
    }
    return sum / pairs;
  }

  private void backward(float[] emb, int graphs, double[][] gradTerms, double gradGap,
      float[] gradEmb, float[] grad) {
    grad[layout.fcBias()] += (float) gradGap;
    grad[layout.fcBias() + 1] -= (float) gradGap;
    int[][] rows = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
    for (int g = 0; g < graphs; g++) {
      java.util.Arrays.fill(gradEmb, g * h, (g + 1) * h, 0f);
      for (int t = 0; t < 4; t++) {
        float d = (float) gradTerms[g][t];
        int at = layout.fcWeight() + rows[t][0] * 2 * h + rows[t][1] * h;
        for (int c = 0; c < h; c++) {
          gradEmb[g * h + c] += d * w[at + c];
          grad[at + c] += d * emb[g * h + c];
        }
      }
    }
  }
}
