package dev.latlab.predictor.linalg;

/** Small dense matrix helpers for the few-parameter models of the predictor. */
public final class Matrices {
  private Matrices() {}

  /** Returns the inverse of a square, non-singular matrix (Gauss-Jordan, partial pivoting). */
  public static double[][] inverse(double[][] m) {
    int d = m.length;
    double[][] a = new double[d][2 * d];
    for (int i = 0; i < d; i++) {
      System.arraycopy(m[i], 0, a[i], 0, d);
      a[i][d + i] = 1;
    }
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
      double p = a[col][col];
      for (int k = 0; k < 2 * d; k++) {
        a[col][k] /= p;
      }
      for (int r = 0; r < d; r++) {
        if (r != col && a[r][col] != 0) {
          double f = a[r][col];
          for (int k = 0; k < 2 * d; k++) {
            a[r][k] -= f * a[col][k];
          }
        }
      }
    }
    double[][] inv = new double[d][d];
    for (int i = 0; i < d; i++) {
      System.arraycopy(a[i], d, inv[i], 0, d);
    }
    return inv;
  }

  /** Returns {@code x' m x}. */
  public static double quadratic(double[][] m, double[] x) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        sum += x[i] * m[i][j] * x[j];
      }
    }
    return sum;
  }

  /** Adds {@code x x'} to {@code m} in place. */
  public static void addOuter(double[][] m, double[] x) {
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        m[i][j] += x[i] * x[j];
      }
    }
  }
}
