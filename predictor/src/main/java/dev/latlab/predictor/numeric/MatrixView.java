package dev.latlab.predictor.numeric;

import java.util.Objects;

/**
 * A strided view of a matrix stored in a float array: element {@code (i, j)} sits at {@code
 * offset + i * rowStride + j * colStride}. A transpose is a view with the strides swapped, so no
 * data moves.
 *
 * @param data the backing array
 * @param offset index of element (0, 0)
 * @param rows number of rows
 * @param cols number of columns
 * @param rowStride distance between consecutive rows
 * @param colStride distance between consecutive columns
 */
public record MatrixView(
    float[] data, int offset, int rows, int cols, int rowStride, int colStride) {
  /**
   * Validates the view.
   *
   * @throws IllegalArgumentException if a size or stride is negative or the view leaves the array
   */
  public MatrixView {
    Objects.requireNonNull(data, "data");
    if (offset < 0 || rows < 0 || cols < 0 || rowStride < 0 || colStride < 0) {
      throw new IllegalArgumentException("negative offset, size or stride");
    }
    if (rows > 0 && cols > 0
        && offset + (long) (rows - 1) * rowStride + (long) (cols - 1) * colStride >= data.length) {
      throw new IllegalArgumentException(
          "a " + rows + "x" + cols + " view at " + offset + " leaves an array of " + data.length);
    }
  }

  /**
   * Views a dense row-major block.
   *
   * @param data the backing array
   * @param offset index of element (0, 0)
   * @param rows number of rows
   * @param cols number of columns, also the row stride
   * @return the view
   */
  public static MatrixView rowMajor(float[] data, int offset, int rows, int cols) {
    return new MatrixView(data, offset, rows, cols, cols, 1);
  }

  /**
   * Returns the transpose, sharing the data.
   *
   * @return a {@code cols x rows} view
   */
  public MatrixView transpose() {
    return new MatrixView(data, offset, cols, rows, colStride, rowStride);
  }

  /**
   * Returns the array index of an element.
   *
   * @param i row
   * @param j column
   * @return its index in {@link #data()}
   */
  public int index(int i, int j) {
    return offset + i * rowStride + j * colStride;
  }

  /**
   * Returns one element.
   *
   * @param i row
   * @param j column
   * @return its value
   */
  public float get(int i, int j) {
    return data[index(i, j)];
  }
}
