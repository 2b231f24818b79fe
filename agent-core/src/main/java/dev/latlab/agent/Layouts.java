package dev.latlab.agent;

import dev.latlab.nb201.net.Shape;

/**
 * Tensor layout conversions that backends need outside the timed call: the network IR and {@link
 * LoadedModel#setInput} are NCHW, TFLite (desktop and Android) is NHWC.
 */
public final class Layouts {
  private Layouts() {}

  /**
   * Reorders one NCHW tensor to NHWC.
   *
   * @param nchw the values in NCHW order, {@code shape.size()} of them
   * @param nhwc receives the values in NHWC order, {@code shape.size()} of them
   * @param shape the tensor's shape
   * @throws IllegalArgumentException if an array's length is not {@code shape.size()}
   */
  public static void nchwToNhwc(float[] nchw, float[] nhwc, Shape shape) {
    if (nchw.length != shape.size() || nhwc.length != shape.size()) {
      throw new IllegalArgumentException("arrays of " + nchw.length + " and " + nhwc.length
          + " values for a tensor of " + shape.size());
    }
    int channels = shape.channels();
    int hw = shape.height() * shape.width();
    int chw = channels * hw;
    for (int n = 0; n < shape.batch(); n++) {
      for (int c = 0; c < channels; c++) {
        for (int p = 0; p < hw; p++) {
          nhwc[n * chw + p * channels + c] = nchw[n * chw + c * hw + p];
        }
      }
    }
  }
}
