package dev.latlab.predictor.numeric;

import java.util.Arrays;
import java.util.Objects;

/**
 * Single-precision matrix multiply {@code C (+)= A B}, blocked and multi-threaded.
 *
 * <p>B is cut into panels of columns, each copied ("packed") once per product into a contiguous
 * buffer the kernel streams; A is read in place through its strides, so a transposed operand costs
 * nothing. C is cut into tiles of at most {@value #ROW_CHUNK} rows by one panel; each tile is one
 * task of the {@link WorkerPool}. Each element of C is accumulated over k in increasing order by
 * exactly one task, so the result is bit-identical for any number of threads.
 *
 * <p>The SIMD kernel ({@code jdk.incubator.vector}) is used when that module is in the boot layer
 * (run with {@code --add-modules jdk.incubator.vector}); otherwise a plain-Java kernel. The two may
 * differ in the last bits.
 *
 * <p>Not thread-safe: one product at a time per instance (it reuses its packing buffer).
 */
public final class Sgemm {
  /** Rows of C per task. */
  static final int ROW_CHUNK = 96;

  private final GemmKernel kernel;
  private final WorkerPool pool;
  private final ThreadLocal<float[]> spill;
  private float[] packed = new float[0];

  private Sgemm(GemmKernel kernel, WorkerPool pool) {
    this.kernel = kernel;
    this.pool = Objects.requireNonNull(pool, "pool");
    int width = kernel.panelWidth();
    this.spill = ThreadLocal.withInitial(() -> new float[4 * width]);
  }

  /**
   * Creates a multiplier with the fastest kernel this JVM offers.
   *
   * @param pool the threads to use
   * @return the multiplier
   */
  public static Sgemm create(WorkerPool pool) {
    return new Sgemm(vectorApiAvailable() ? VectorGemmKernel.create() : new ScalarGemmKernel(),
        pool);
  }

  /**
   * Creates a multiplier with the plain-Java kernel.
   *
   * @param pool the threads to use
   * @return the multiplier
   */
  public static Sgemm plain(WorkerPool pool) {
    return new Sgemm(new ScalarGemmKernel(), pool);
  }

  /**
   * Tells whether {@code jdk.incubator.vector} is in the boot layer.
   *
   * @return true if the SIMD kernel can be used
   */
  public static boolean vectorApiAvailable() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  /**
   * Returns the kernel's name, e.g. {@code vector-512} or {@code scalar}.
   *
   * @return the name
   */
  public String kernelName() {
    return kernel.name();
  }

  /**
   * Computes {@code C = A B}, or {@code C += A B} if {@code accumulate}.
   *
   * @param a {@code m x k}
   * @param b {@code k x n}
   * @param c {@code m x n} with column stride 1, not overlapping A or B
   * @param accumulate add to C instead of overwriting it
   * @throws IllegalArgumentException if the shapes do not match or C's columns are not contiguous
   */
  public void multiply(MatrixView a, MatrixView b, MatrixView c, boolean accumulate) {
    checkShapes(a, b, c);
    int m = c.rows();
    int n = c.cols();
    if (m == 0 || n == 0) {
      return;
    }
    int width = kernel.panelWidth();
    int panels = (n + width - 1) / width;
    int panelSize = b.rows() * width;
    if (packed.length < panels * panelSize) {
      packed = new float[panels * panelSize];
    }
    float[] panelData = packed;
    pool.forEach(panels, p -> pack(b, p * width, Math.min(width, n - p * width), panelData,
        p * panelSize));
    int chunks = (m + ROW_CHUNK - 1) / ROW_CHUNK;
    pool.forEach(panels * chunks, t -> {
      int p = t / chunks;
      int row0 = (t % chunks) * ROW_CHUNK;
      int cols = Math.min(width, n - p * width);
      kernel.multiplyPanel(a, row0, Math.min(ROW_CHUNK, m - row0), panelData, p * panelSize,
          cols, c.data(), c.index(row0, p * width), c.rowStride(), accumulate, spill.get());
    });
  }

  private static void checkShapes(MatrixView a, MatrixView b, MatrixView c) {
    if (a.cols() != b.rows() || a.rows() != c.rows() || b.cols() != c.cols()) {
      throw new IllegalArgumentException("shapes do not chain: " + a.rows() + "x" + a.cols()
          + " * " + b.rows() + "x" + b.cols() + " -> " + c.rows() + "x" + c.cols());
    }
    if (c.colStride() != 1 && c.cols() > 1) {
      throw new IllegalArgumentException("C needs contiguous columns");
    }
  }

  /**
   * Copies columns {@code col0..col0+cols} of B into a zero-padded {@code k x width} panel at
   * {@code offset}, reading B along whichever of its dimensions is contiguous.
   */
  private void pack(MatrixView b, int col0, int cols, float[] out, int offset) {
    int width = kernel.panelWidth();
    int depth = b.rows();
    float[] bd = b.data();
    if (b.colStride() == 1) {
      for (int k = 0; k < depth; k++) {
        System.arraycopy(bd, b.index(k, col0), out, offset + k * width, cols);
      }
    } else {
      for (int j = 0; j < cols; j++) {
        for (int k = 0, from = b.index(0, col0 + j); k < depth; k++, from += b.rowStride()) {
          out[offset + k * width + j] = bd[from];
        }
      }
    }
    if (cols < width) {
      for (int k = 0; k < depth; k++) {
        Arrays.fill(out, offset + k * width + cols, offset + (k + 1) * width, 0f);
      }
    }
  }
}
