package dev.latlab.predictor.linalg;

import java.util.Arrays;

/**
 * Ridge regression with an unpenalised intercept, solved exactly (normal equations, Gaussian
 * elimination with partial pivoting). For the small models of the predictor (linear baselines, screening estimators, rankers): a few
 * dozen features.
 */
public final class Ridge {
  private Ridge() {}

  /**
   * Fits {@code y ~ x . w + b}.
   *
   * @param x one feature row per sample, all of one length
   * @param y the targets
   * @param lambda the L2 penalty on the feature weights (not the intercept), > 0
   * @return the weights, then the intercept last
   */
  public static double[] fit(double[][] x, double[] y, double lambda) {
    double[] ones = new double[y.length];
    Arrays.fill(ones, 1);
    return fit(x, y, ones, lambda);
  }

  /**
   * Fits {@code y ~ x . w + b} with a weight per sample (weighted least squares plus the penalty).
   *
   * @param x one feature row per sample, all of one length
   * @param y the targets
   * @param weights the samples' weights, >= 0
   * @param lambda the L2 penalty on the feature weights (not the intercept), > 0
   * @return the weights, then the intercept last
   */
  public static double[] fit(double[][] x, double[] y, double[] weights, double lambda) {
    int d = x[0].length + 1;
    double[][] a = new double[d][d + 1];
    for (int i = 0; i < x.length; i++) {
      double[] row = withBias(x[i]);
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          a[j][k] += weights[i] * row[j] * row[k];
        }
        a[j][d] += weights[i] * row[j] * y[i];
      }
    }
    for (int j = 0; j < d - 1; j++) {
      a[j][j] += lambda;
    }
    // With no samples the intercept's row is zero; a tiny penalty keeps the system solvable.
    a[d - 1][d - 1] += 1e-12;
    return solve(a);
  }

  /** Returns {@code x . w + b} for weights from {@link #fit}. */
  public static double predict(double[] w, double[] x) {
    double sum = w[w.length - 1];
    for (int j = 0; j < x.length; j++) {
      sum += w[j] * x[j];
    }
    return sum;
  }

  private static double[] withBias(double[] x) {
    double[] row = new double[x.length + 1];
    System.arraycopy(x, 0, row, 0, x.length);
    row[x.length] = 1;
    return row;
  }

  /** Solves the augmented system {@code a = [A | b]} in place. */
  private static double[] solve(double[][] a) {
    int d = a.length;
    for (int col = 0; col < d; col++) {
      int pivot = col;
      for (int r = col + 1; r < d; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = a[col];
      a[col] = a[pivot];
      a[pivot] = tmp;
      for (int r = col + 1; r < d; r++) {
        double f = a[r][col] / a[col][col];
        for (int k = col; k <= d; k++) {
          a[r][k] -= f * a[col][k];
        }
      }
    }
    double[] w = new double[d];
    for (int r = d - 1; r >= 0; r--) {
      double sum = a[r][d];
      for (int k = r + 1; k < d; k++) {
        sum -= a[r][k] * w[k];
      }
      w[r] = sum / a[r][r];
    }
    return w;
  }
}
