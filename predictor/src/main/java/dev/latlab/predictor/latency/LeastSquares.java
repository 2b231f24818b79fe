package dev.latlab.predictor.latency;

/**
 * Ordinary least squares by the normal equations with a tiny ridge, in double precision: enough for
 * the few coefficients of the linear baselines (solved by Gaussian elimination with partial
 * pivoting; a library would be heavier than the 40 lines it replaces).
 */
final class LeastSquares {
  /** Keeps collinear features (e.g. an op absent from every training cell) solvable. */
  private static final double RIDGE = 1e-9;

  private LeastSquares() {}

  /**
   * Fits {@code y ~ x . w}.
   *
   * @param x rows of features (include a constant column for an intercept)
   * @param y targets
   * @return the coefficients w
   */
  static double[] fit(double[][] x, double[] y) {
    int k = x[0].length;
    double[][] a = new double[k][k + 1];
    for (int r = 0; r < x.length; r++) {
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          a[i][j] += x[r][i] * x[r][j];
        }
        a[i][k] += x[r][i] * y[r];
      }
    }
    double scale = 0;
    for (int i = 0; i < k; i++) {
      scale = Math.max(scale, a[i][i]);
    }
    for (int i = 0; i < k; i++) {
      a[i][i] += RIDGE * Math.max(scale, 1);
    }
    return solve(a);
  }

  private static double[] solve(double[][] a) {
    int k = a.length;
    for (int col = 0; col < k; col++) {
      int pivot = col;
      for (int r = col + 1; r < k; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] t = a[col];
      a[col] = a[pivot];
      a[pivot] = t;
      for (int r = col + 1; r < k; r++) {
        double f = a[r][col] / a[col][col];
        for (int c = col; c <= k; c++) {
          a[r][c] -= f * a[col][c];
        }
      }
    }
    double[] w = new double[k];
    for (int r = k - 1; r >= 0; r--) {
      double s = a[r][k];
      for (int c = r + 1; c < k; c++) {
        s -= a[r][c] * w[c];
      }
      w[r] = s / a[r][r];
    }
    return w;
  }
}
