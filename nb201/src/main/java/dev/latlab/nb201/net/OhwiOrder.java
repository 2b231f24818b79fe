package dev.latlab.nb201.net;

/** The order TFLite's CONV_2D reads weights in (OHWI), over the IR's OIHW arrays. */
final class OhwiOrder {
  /**
   * Receives one OHWI row: the {@code inChannels} weights of output channel {@code out} at one
   * kernel position, at OIHW indices {@code start, start + stride, ...}.
   */
  @FunctionalInterface
  interface RowVisitor {
    void row(int out, int start, int stride, int inChannels);
  }

  private OhwiOrder() {}

  /** Returns a convolution's TFLite weight shape, {@code [out, k, k, in]}. */
  static int[] shape(Layer.Conv2d conv, int inChannels) {
    return new int[] {conv.outChannels(), conv.kernel(), conv.kernel(), inChannels};
  }

  /**
   * Visits a {@code [outC, inC, k, k]} OIHW array row by row in OHWI order. A row per call, not an
   * element, keeps the copy loop inside the visitor, where the JIT compiles it tight.
   */
  static void forEachRow(int outC, int inC, int k, RowVisitor visitor) {
    for (int o = 0; o < outC; o++) {
      for (int y = 0; y < k; y++) {
        for (int x = 0; x < k; x++) {
          visitor.row(o, (o * inC * k + y) * k + x, k * k, inC);
        }
      }
    }
  }
}
