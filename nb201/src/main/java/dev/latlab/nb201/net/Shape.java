package dev.latlab.nb201.net;

/**
 * The shape of a tensor of the network IR, always in NCHW order. The classifier's output is
 * {@code (batch, classes, 1, 1)} here; emitters give it to the runtime as {@code [batch, classes]}.
 *
 * @param batch N
 * @param channels C
 * @param height H
 * @param width W
 */
public record Shape(int batch, int channels, int height, int width) {
  /** Validates that every dimension is positive. */
  public Shape {
    if (batch <= 0 || channels <= 0 || height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "dimensions must be positive: " + batch + "x" + channels + "x" + height + "x" + width);
    }
  }

  /**
   * Returns the number of elements.
   *
   * @return N*C*H*W
   */
  public int size() {
    return batch * channels * height * width;
  }

  /**
   * Returns the dimensions in NCHW order.
   *
   * @return {@code {N, C, H, W}}
   */
  public long[] nchw() {
    return new long[] {batch, channels, height, width};
  }

  /**
   * Returns the dimensions in NHWC order (TFLite's layout).
   *
   * @return {@code {N, H, W, C}}
   */
  public int[] nhwc() {
    return new int[] {batch, height, width, channels};
  }
}
