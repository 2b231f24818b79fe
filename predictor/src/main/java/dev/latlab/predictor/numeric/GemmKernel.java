package dev.latlab.predictor.numeric;

/**
 * The inner loop of {@link Sgemm}: multiplies a block of rows of A by one packed panel of B.
 *
 * <p>Every output element must be {@code fma} (or multiply-add) over {@code k} in increasing order,
 * starting from zero, whatever block it falls in, so that the result does not depend on how the
 * product was cut into tasks.
 */
interface GemmKernel {
  /**
   * Returns the number of B columns a packed panel holds.
   *
   * @return the panel width
   */
  int panelWidth();

  /**
   * Returns a short name for logs and benchmarks.
   *
   * @return the name
   */
  String name();

  /**
   * Computes {@code C[i][j] (+)= sum_k A(row0 + i, k) * P[k][j]} for {@code i < rows}, {@code j <
   * width}, where {@code P[k][j] = packed[packedOffset + k * panelWidth + j]}.
   *
   * @param a the left operand; its column count is the depth
   * @param row0 first row of A
   * @param rows rows to compute
   * @param packed holds the panel, {@code depth x panelWidth}, zero beyond {@code width}
   * @param packedOffset where the panel starts in {@code packed}
   * @param width valid columns in the panel
   * @param c output array
   * @param cOffset index of the output element for (row0, first panel column)
   * @param ldc output row stride
   * @param accumulate add to C instead of overwriting it
   * @param spill scratch of at least {@code 4 * panelWidth} floats
   */
  void multiplyPanel(MatrixView a, int row0, int rows, float[] packed, int packedOffset,
      int width, float[] c, int cOffset, int ldc, boolean accumulate, float[] spill);
}
