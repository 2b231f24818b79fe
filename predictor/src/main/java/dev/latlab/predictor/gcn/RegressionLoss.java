package dev.latlab.predictor.gcn;

/**
 * The regressor's loss: mean absolute error (BRP-NAS), plus optionally {@code weight} times the
 * mean pairwise logistic ranking loss (RS-NAS) {@code log(1 + exp(-sign(y_i - y_j) (p_i - p_j)))}
 * over the pairs {@code i < j} with {@code y_i != y_j}.
 */
final class RegressionLoss {
  private RegressionLoss() {}

  /**
   * Returns the loss of {@code n} predictions and, if {@code gradPred} is not null, writes its
   * gradient with respect to each prediction there.
   */
  static double evaluate(float[] pred, float[] target, int n, double rankWeight,
      float[] gradPred) {
    double l1 = 0;
    for (int i = 0; i < n; i++) {
      double d = pred[i] - target[i];
      l1 += Math.abs(d);
      if (gradPred != null) {
        gradPred[i] = (float) (Math.signum(d) / n);
      }
    }
    double loss = l1 / n;
    if (rankWeight > 0) {
      loss += rankWeight * rankTerm(pred, target, n, rankWeight, gradPred);
    }
    return loss;
  }

  private static double rankTerm(float[] pred, float[] target, int n, double weight,
      float[] gradPred) {
    int pairs = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        pairs += target[i] != target[j] ? 1 : 0;
      }
    }
    if (pairs == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (target[i] == target[j]) {
          continue;
        }
        double sign = target[i] > target[j] ? 1 : -1;
        double margin = sign * ((double) pred[i] - pred[j]);
        sum += softplus(-margin);
        if (gradPred != null) {
          // d/dmargin softplus(-margin) = -sigmoid(-margin); dmargin/dp_i = sign = -dmargin/dp_j.
          float g = (float) (-weight * sign * sigmoid(-margin) / pairs);
          gradPred[i] += g;
          gradPred[j] -= g;
        }
      }
    }
    return sum / pairs;
  }

  static double softplus(double x) {
    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }

  static double sigmoid(double x) {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  }
}
