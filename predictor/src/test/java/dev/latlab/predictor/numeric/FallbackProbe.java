package dev.latlab.predictor.numeric;

/**
 * Run in a JVM without {@code jdk.incubator.vector} by {@link SgemmFallbackTest}: prints the kernel
 * {@link Sgemm#create} picks and a small product.
 */
public final class FallbackProbe {
  private FallbackProbe() {}

  /**
   * Prints {@code probe: kernel c00 c11}.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    try (WorkerPool pool = WorkerPool.create(2)) {
      Sgemm sgemm = Sgemm.create(pool);
      float[] a = {1, 2, 3, 4};
      float[] c = new float[4];
      sgemm.multiply(MatrixView.rowMajor(a, 0, 2, 2), MatrixView.rowMajor(a, 0, 2, 2),
          MatrixView.rowMajor(c, 0, 2, 2), false);
      System.out.println("probe: " + sgemm.kernelName() + " " + c[0] + " " + c[3]);
    }
  }
}
