package dev.latlab.predictor.numeric;

/**
 * The plain-Java kernel, used when {@code jdk.incubator.vector} is not in the boot layer: 4x4
 * blocks of C held in 16 local variables (so the CPU overlaps their FMA chains), 4 loads of A and 4
 * of B per 16 FMAs.
 */
final class ScalarGemmKernel implements GemmKernel {
  private static final int WIDTH = 48;
  private static final int R = 4;

  @Override
  public int panelWidth() {
    return WIDTH;
  }

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public void multiplyPanel(MatrixView a, int row0, int rows, float[] packed, int packedOffset,
      int width, float[] c, int cOffset, int ldc, boolean accumulate, float[] spill) {
    for (int i = 0; i < rows; i += R) {
      int blockRows = Math.min(R, rows - i);
      int[] rowStart = new int[R];
      for (int r = 0; r < R; r++) {
        rowStart[r] = a.index(row0 + i + Math.min(r, blockRows - 1), 0);
      }
      for (int j = 0; j < width; j += R) {
        block(a, rowStart, packed, packedOffset + j, spill);
        int cols = Math.min(R, width - j);
        for (int r = 0; r < blockRows; r++) {
          for (int q = 0; q < cols; q++) {
            int at = cOffset + (i + r) * ldc + j + q;
            c[at] = accumulate ? c[at] + spill[r * R + q] : spill[r * R + q];
          }
        }
      }
    }
  }

  /** One 4x4 block over the whole depth into {@code out[0..16)}; padding columns hold zeros. */
  private static void block(MatrixView a, int[] rowStart, float[] p, int col, float[] out) {
    float[] ad = a.data();
    int depth = a.cols();
    int cs = a.colStride();
    int a0 = rowStart[0];
    int a1 = rowStart[1];
    int a2 = rowStart[2];
    int a3 = rowStart[3];
    float c00 = 0;
    float c01 = 0;
    float c02 = 0;
    float c03 = 0;
    float c10 = 0;
    float c11 = 0;
    float c12 = 0;
    float c13 = 0;
    float c20 = 0;
    float c21 = 0;
    float c22 = 0;
    float c23 = 0;
    float c30 = 0;
    float c31 = 0;
    float c32 = 0;
    float c33 = 0;
    for (int k = 0, pk = col, ak = 0; k < depth; k++, pk += WIDTH, ak += cs) {
      float b0 = p[pk];
      float b1 = p[pk + 1];
      float b2 = p[pk + 2];
      float b3 = p[pk + 3];
      float x = ad[a0 + ak];
      c00 = Math.fma(x, b0, c00);
      c01 = Math.fma(x, b1, c01);
      c02 = Math.fma(x, b2, c02);
      c03 = Math.fma(x, b3, c03);
      x = ad[a1 + ak];
      c10 = Math.fma(x, b0, c10);
      c11 = Math.fma(x, b1, c11);
      c12 = Math.fma(x, b2, c12);
      c13 = Math.fma(x, b3, c13);
      x = ad[a2 + ak];
      c20 = Math.fma(x, b0, c20);
      c21 = Math.fma(x, b1, c21);
      c22 = Math.fma(x, b2, c22);
      c23 = Math.fma(x, b3, c23);
      x = ad[a3 + ak];
      c30 = Math.fma(x, b0, c30);
      c31 = Math.fma(x, b1, c31);
      c32 = Math.fma(x, b2, c32);
      c33 = Math.fma(x, b3, c33);
    }
    float[] all = {c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32,
        c33};
    System.arraycopy(all, 0, out, 0, all.length);
  }
}
