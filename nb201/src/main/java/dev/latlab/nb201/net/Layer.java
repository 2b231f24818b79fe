package dev.latlab.nb201.net;

/**
 * One operation of the network IR. Layer {@code i} of a {@link Network} produces tensor {@code i};
 * inputs refer to earlier layers by index. BatchNorm is already folded into the preceding
 * convolution, so a convolution always has a bias. Weight arrays are owned by the network and must
 * not be modified.
 */
public sealed interface Layer {

  /** The network input, NCHW. Always layer 0. */
  record Input() implements Layer {}

  /**
   * A 2-D convolution with bias (BatchNorm folded in).
   *
   * @param input input layer
   * @param outChannels output channels
   * @param kernel square kernel size
   * @param stride stride in both directions
   * @param padding zero padding on all four sides
   * @param weights {@code [out][in][k][k]} (OIHW), row-major
   * @param bias one per output channel
   */
  record Conv2d(
      int input, int outChannels, int kernel, int stride, int padding, float[] weights, float[] bias)
      implements Layer {}

  /**
   * Rectified linear unit.
   *
   * @param input input layer
   */
  record Relu(int input) implements Layer {}

  /**
   * Square average pooling; padded positions are not counted in the average (NB201's
   * {@code count_include_pad=False}, TFLite's SAME-padding average).
   *
   * @param input input layer
   * @param kernel window size
   * @param stride stride in both directions
   * @param padding padding on all four sides (0 or 1)
   */
  record AvgPool2d(int input, int kernel, int stride, int padding) implements Layer {}

  /**
   * Element-wise sum of two or more tensors of one shape (a cell node summing its edges, or the
   * residual join of a reduction block).
   *
   * @param inputs input layers, at least two
   */
  record Add(int[] inputs) implements Layer {}

  /**
   * Per-channel affine map {@code y = x * scale[c] + shift[c]}: the final BatchNorm, and the zero
   * output of a degenerate cell (scale and shift all zero, as NB201's {@code Zero} op computes
   * {@code x * 0}).
   *
   * @param input input layer
   * @param scale one per channel
   * @param shift one per channel
   */
  record ChannelAffine(int input, float[] scale, float[] shift) implements Layer {}

  /**
   * Mean over height and width, giving {@code (N, C, 1, 1)}.
   *
   * @param input input layer
   */
  record GlobalAvgPool(int input) implements Layer {}

  /**
   * Fully connected classifier over the {@code C} features of a {@code (N, C, 1, 1)} tensor.
   *
   * @param input input layer
   * @param outFeatures outputs
   * @param weights {@code [out][in]}, row-major
   * @param bias one per output
   */
  record Dense(int input, int outFeatures, float[] weights, float[] bias) implements Layer {}
}
