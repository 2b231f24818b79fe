package dev.latlab.nb201.net;

/**
 * The smallest and largest value a tensor took during calibration.
 *
 * @param min the minimum
 * @param max the maximum, {@code >= min}
 */
record ValueRange(float min, float max) {
  ValueRange {
    if (!(min <= max)) {
      throw new IllegalArgumentException("empty or NaN range [" + min + ", " + max + "]");
    }
  }

  /** Returns the range of some values, which must not be empty. */
  static ValueRange of(float[] values) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return new ValueRange(min, max);
  }

  /** Returns this range stretched away from zero by {@code factor}: {@code [min * f, max * f]}. */
  ValueRange scaled(double factor) {
    return new ValueRange((float) (min * factor), (float) (max * factor));
  }

  /** Returns the smallest range holding this one and {@code other}. */
  ValueRange union(ValueRange other) {
    return new ValueRange(Math.min(min, other.min), Math.max(max, other.max));
  }
}
