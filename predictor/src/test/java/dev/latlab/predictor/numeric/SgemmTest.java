package dev.latlab.predictor.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SgemmTest {
  private static float[] random(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) r.nextDouble(-1, 1);
    }
    return x;
  }

  /** {@code C (+)= A B} in double, straight from the definition. */
  private static double[] reference(MatrixView a, MatrixView b, float[] c0, boolean accumulate) {
    int m = a.rows();
    int n = b.cols();
    double[] c = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = accumulate ? c0[i * n + j] : 0;
        for (int k = 0; k < a.cols(); k++) {
          s += (double) a.get(i, k) * b.get(k, j);
        }
        c[i * n + j] = s;
      }
    }
    return c;
  }

  private static void checkAgainstReference(Sgemm sgemm, int m, int k, int n, boolean transA,
      boolean transB, boolean accumulate) {
    float[] ad = random(m * k + 3, m);
    float[] bd = random(k * n + 5, n);
    MatrixView a = transA ? MatrixView.rowMajor(ad, 3, k, m).transpose()
        : MatrixView.rowMajor(ad, 3, m, k);
    MatrixView b = transB ? MatrixView.rowMajor(bd, 5, n, k).transpose()
        : MatrixView.rowMajor(bd, 5, k, n);
    float[] c = random(m * n, 7);
    double[] expected = reference(a, b, c, accumulate);
    sgemm.multiply(a, b, MatrixView.rowMajor(c, 0, m, n), accumulate);
    for (int i = 0; i < c.length; i++) {
      assertThat((double) c[i]).as("element %d of %dx%dx%d", i, m, k, n)
          .isCloseTo(expected[i], within(1e-5 * (k + 1)));
    }
  }

  @Test
  void multiply_oddShapesAndStrides_matchesDoubleReference() {
    try (WorkerPool pool = WorkerPool.create(2)) {
      for (Sgemm sgemm : new Sgemm[] {Sgemm.create(pool), Sgemm.plain(pool)}) {
        int[][] shapes = {{1, 1, 1}, {13, 7, 53}, {97, 301, 130}, {5, 6, 600}, {193, 31, 49},
            {4, 0, 9}};
        for (int[] s : shapes) {
          for (int variant = 0; variant < 8; variant++) {
            checkAgainstReference(sgemm, s[0], s[1], s[2], (variant & 1) != 0,
                (variant & 2) != 0, (variant & 4) != 0);
          }
        }
      }
    }
  }

  @Test
  void multiply_vectorAndPlainKernels_agreeWithinFloatTolerance() {
    int m = 101;
    int k = 77;
    int n = 211;
    float[] a = random(m * k, 1);
    float[] b = random(k * n, 2);
    float[] fast = new float[m * n];
    float[] plain = new float[m * n];
    try (WorkerPool pool = WorkerPool.create(1)) {
      Sgemm.create(pool).multiply(MatrixView.rowMajor(a, 0, m, k), MatrixView.rowMajor(b, 0, k, n),
          MatrixView.rowMajor(fast, 0, m, n), false);
      Sgemm.plain(pool).multiply(MatrixView.rowMajor(a, 0, m, k), MatrixView.rowMajor(b, 0, k, n),
          MatrixView.rowMajor(plain, 0, m, n), false);
    }
    for (int i = 0; i < fast.length; i++) {
      assertThat(fast[i]).isCloseTo(plain[i], within(1e-4f));
    }
  }

  @Test
  void multiply_anyThreadCount_bitIdentical() {
    int m = 300;
    int k = 600;
    int n = 601;
    float[] a = random(m * k, 3);
    float[] b = random(k * n, 4);
    float[][] results = new float[3][];
    for (int threads = 1; threads <= 3; threads++) {
      float[] c = new float[m * n];
      try (WorkerPool pool = WorkerPool.create(threads)) {
        Sgemm.create(pool).multiply(MatrixView.rowMajor(a, 0, m, k),
            MatrixView.rowMajor(b, 0, k, n), MatrixView.rowMajor(c, 0, m, n), false);
      }
      results[threads - 1] = c;
    }
    assertThat(results[1]).isEqualTo(results[0]);
    assertThat(results[2]).isEqualTo(results[0]);
  }

  @Test
  void create_withVectorModule_usesSimdKernel() {
    // Surefire runs with --add-modules jdk.incubator.vector (predictor/pom.xml).
    assertThat(Sgemm.vectorApiAvailable()).isTrue();
    try (WorkerPool pool = WorkerPool.create(1)) {
      assertThat(Sgemm.create(pool).kernelName()).startsWith("vector-");
    }
  }

  @Test
  void multiply_shapesDoNotChain_isRejected() {
    try (WorkerPool pool = WorkerPool.create(1)) {
      Sgemm sgemm = Sgemm.create(pool);
      float[] x = new float[100];
      assertThatThrownBy(() -> sgemm.multiply(MatrixView.rowMajor(x, 0, 2, 3),
          MatrixView.rowMajor(x, 0, 4, 2), MatrixView.rowMajor(x, 0, 2, 2), false))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x3 * 4x2");
    }
  }

  @Test
  void matrixView_leavingArray_isRejected() {
    assertThatThrownBy(() -> MatrixView.rowMajor(new float[11], 0, 3, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaves an array of 11");
  }
}
