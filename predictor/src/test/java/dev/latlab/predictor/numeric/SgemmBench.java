package dev.latlab.predictor.numeric;

import java.util.SplittableRandom;

/**
 * Hand-run bench (not a test) of {@link Sgemm}: GFLOP/s of the GCN's products, {@code C = A B},
 * {@code A^T B} and {@code A B^T}. Arguments: {@code [threads] [m] [k] [n]}.
 */
public final class SgemmBench {
  private SgemmBench() {}

  /**
   * Runs the bench.
   *
   * @param args see the class comment
   */
  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int m = args.length > 1 ? Integer.parseInt(args[1]) : 288;
    int k = args.length > 2 ? Integer.parseInt(args[2]) : 600;
    int n = args.length > 3 ? Integer.parseInt(args[3]) : 600;
    SplittableRandom random = new SplittableRandom(1);
    float[] a = fill(new float[m * k], random);
    float[] b = fill(new float[k * n], random);
    float[] at = fill(new float[k * m], random);
    float[] bt = fill(new float[n * k], random);
    float[] c = new float[m * n];
    try (WorkerPool pool = WorkerPool.create(threads)) {
      if (System.getProperty("warm") != null) {
        String[] d = System.getProperty("warm").split("x");
        int wm = Integer.parseInt(d[0]);
        int wk = Integer.parseInt(d[1]);
        float[] wa = new float[wm * wk];
        float[] wc = new float[wm * n];
        for (int i = 0; i < 3000; i++) {
          Sgemm.create(pool).multiply(MatrixView.rowMajor(wa, 0, wm, wk),
              MatrixView.rowMajor(b, 0, wk, n), MatrixView.rowMajor(wc, 0, wm, n), false);
        }
      }
      for (Sgemm s : new Sgemm[] {Sgemm.create(pool), Sgemm.plain(pool)}) {
        MatrixView cv = MatrixView.rowMajor(c, 0, m, n);
        time(s.kernelName() + " A B  ", m, k, n, () -> s.multiply(MatrixView.rowMajor(a, 0, m, k),
            MatrixView.rowMajor(b, 0, k, n), cv, false));
        time(s.kernelName() + " A^T B", m, k, n, () -> s.multiply(
            MatrixView.rowMajor(at, 0, k, m).transpose(), MatrixView.rowMajor(b, 0, k, n), cv,
            false));
        time(s.kernelName() + " A B^T", m, k, n, () -> s.multiply(MatrixView.rowMajor(a, 0, m, k),
            MatrixView.rowMajor(bt, 0, n, k).transpose(), cv, false));
      }
    }
  }

  private static void time(String what, int m, int k, int n, Runnable r) {
    long best = Long.MAX_VALUE;
    long end = System.nanoTime() + 2_000_000_000L;
    while (System.nanoTime() < end) {
      long t0 = System.nanoTime();
      r.run();
      best = Math.min(best, System.nanoTime() - t0);
    }
    System.out.printf("%s %dx%dx%d: %.1f GFLOP/s%n", what, m, k, n, 2.0 * m * k * n / best);
  }

  private static float[] fill(float[] x, SplittableRandom random) {
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextDouble(-1, 1);
    }
    return x;
  }
}
