package dev.latlab.nb201.net;

/**
 * The int8 affine quantisation of one TFLite tensor, {@code real = (q - zeroPoint) * scale},
 * following TFLite's 8-bit specification: activations asymmetric per tensor in [-128, 127]; weights
 * symmetric (zero point 0) in [-127, 127], per tensor or per slice along {@code dimension}; int32
 * biases with scale {@code inputScale * weightScale}. Arrays are owned by the record and not
 * modified.
 *
 * @param scales one scale, or one per slice along {@code dimension}; all positive
 * @param zeroPoints as many zero points as scales
 * @param dimension the quantized dimension of a per-axis tensor; 0 for a per-tensor one
 */
record Quantization(float[] scales, long[] zeroPoints, int dimension) {
  /** Smallest int8 activation value. */
  static final int QMIN = -128;
  /** Largest int8 value. */
  static final int QMAX = 127;

  /**
   * A calibrated range narrower than this is a tensor that is always zero (a degenerate cell); it
   * gets the range [-1, 1], so that the scales of the ops that read it stay in the ranges int8
   * kernels accept.
   */
  private static final double ZERO_WIDTH = 1e-12;

  Quantization {
    if (scales.length == 0 || scales.length != zeroPoints.length) {
      throw new IllegalArgumentException(
          scales.length + " scales and " + zeroPoints.length + " zero points");
    }
    for (float s : scales) {
      if (!(s > 0) || Float.isInfinite(s)) {
        throw new IllegalArgumentException("scales must be positive and finite: " + s);
      }
    }
  }

  /**
   * Asymmetric per-tensor parameters covering a range, widened to hold 0 so that zero (padding,
   * ReLU's floor, a zero op) is exactly representable.
   */
  static Quantization asymmetric(ValueRange range) {
    double min = Math.min(range.min(), 0);
    double max = Math.max(range.max(), 0);
    if (max - min < ZERO_WIDTH) {
      min = -1;
      max = 1;
    }
    float scale = (float) ((max - min) / (QMAX - QMIN));
    long zeroPoint = clamp(Math.round(QMIN - min / scale), QMIN, QMAX);
    return new Quantization(new float[] {scale}, new long[] {zeroPoint}, 0);
  }

  /**
   * Parameters for a tensor that is never negative (a ReLU output): range {@code [0, max]}, zero
   * point -128, even when calibration saw only zeros ({@code [0, 1]} then), so that requantising
   * into it clamps negatives to 0.
   */
  static Quantization nonNegative(float max) {
    double top = max < ZERO_WIDTH ? 1 : max;
    float scale = (float) (top / (QMAX - QMIN));
    return new Quantization(new float[] {scale}, new long[] {QMIN}, 0);
  }

  /**
   * Symmetric per-tensor parameters under which every value is exact, scale {@code 1 / d} for the
   * smallest integer {@code d} that makes all values integers within [-127, 127] (the count
   * corrections of a pool: 1, 1.5, 2.25 become 4, 6, 9 at scale 1/4); otherwise {@link
   * #symmetric}.
   */
  static Quantization exactOrSymmetric(float[] values) {
    float absMax = 0;
    for (float v : values) {
      absMax = Math.max(absMax, Math.abs(v));
    }
    for (int d = 1; absMax * d <= QMAX; d++) {
      if (allIntegers(values, d)) {
        return new Quantization(new float[] {1f / d}, new long[1], 0);
      }
    }
    return symmetric(absMax);
  }

  private static boolean allIntegers(float[] values, int d) {
    for (float v : values) {
      double scaled = (double) v * d;
      if (Math.abs(scaled - Math.rint(scaled)) > 1e-4) {
        return false;
      }
    }
    return true;
  }

  /**
   * Asymmetric parameters covering {@code range} whose scale is at least {@code minScale}: the
   * range is widened symmetrically around its middle (keeping 0 inside) until it is.
   */
  static Quantization asymmetricAtLeast(ValueRange range, float minScale) {
    Quantization q = asymmetric(range);
    if (q.scale() >= minScale) {
      return q;
    }
    double min = Math.min(range.min(), 0);
    double max = Math.max(range.max(), 0);
    double half = minScale * (QMAX - QMIN) / 2.0;
    double mid = (min + max) / 2;
    return asymmetric(new ValueRange((float) Math.min(mid - half, min),
        (float) Math.max(mid + half, max)));
  }

  /** Symmetric parameters for weights whose largest magnitude is {@code absMax}: one scale. */
  static Quantization symmetric(float absMax) {
    return new Quantization(new float[] {weightScale(absMax)}, new long[1], 0);
  }

  /**
   * Symmetric per-axis parameters along dimension 0 (a conv's output channels): one scale per
   * largest magnitude of a slice.
   */
  static Quantization symmetricPerChannel(float[] absMax) {
    float[] scales = new float[absMax.length];
    for (int i = 0; i < scales.length; i++) {
      scales[i] = weightScale(absMax[i]);
    }
    return new Quantization(scales, new long[absMax.length], 0);
  }

  /**
   * Bias parameters of an op reading {@code input} with weights {@code weights}: per slice scale
   * {@code inputScale * weightScale[i]}, zero point 0, on the weights' dimension.
   */
  static Quantization bias(Quantization input, Quantization weights) {
    float[] scales = new float[weights.scales.length];
    for (int i = 0; i < scales.length; i++) {
      scales[i] = (float) ((double) input.scale() * weights.scales[i]);
    }
    return new Quantization(scales, new long[scales.length], weights.dimension);
  }

  /** Returns the scale of a per-tensor quantisation. */
  float scale() {
    checkPerTensor();
    return scales[0];
  }

  /** Returns the zero point of a per-tensor quantisation. */
  long zeroPoint() {
    checkPerTensor();
    return zeroPoints[0];
  }

  /** Returns the int8 value of {@code v} under slice {@code slice}'s parameters, saturated. */
  byte quantize(float v, int slice) {
    return (byte) clamp(Math.round(v / scales[slice]) + zeroPoints[slice], QMIN, QMAX);
  }

  /** Returns the int32 value of {@code v} under slice {@code slice}'s scale (a bias), saturated. */
  int quantizeInt32(float v, int slice) {
    return (int) clamp(Math.round((double) v / scales[slice]), Integer.MIN_VALUE,
        Integer.MAX_VALUE);
  }

  /** Weights map {@code [-absMax, absMax]} onto [-127, 127]; an all-zero slice gets scale 1. */
  private static float weightScale(float absMax) {
    return absMax > 0 ? absMax / QMAX : 1f;
  }

  private void checkPerTensor() {
    if (scales.length != 1) {
      throw new IllegalStateException("per-axis quantisation has " + scales.length + " scales");
    }
  }

  private static long clamp(long v, long lo, long hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
