package dev.latlab.predictor.gcn;

import java.util.SplittableRandom;

/**
 * The dropout masks of one training step. The mask of a row is drawn from a generator seeded by
 * (step seed, layer, row), so the forward and backward passes regenerate the same mask and no
 * thread count or schedule changes it. Dropped positions are drawn as geometric gaps, so a row
 * costs a few draws at the small rates used here, not one per element.
 */
final class Dropout {
  private static final Dropout NONE = new Dropout(0, 0);

  private final double rate;
  private final double logKeep;
  private final float scale;
  private final long stepSeed;

  private Dropout(double rate, long stepSeed) {
    this.rate = rate;
    this.logKeep = Math.log1p(-rate);
    this.scale = (float) (1 / (1 - rate));
    this.stepSeed = stepSeed;
  }

  /** No dropout: evaluation, or rate 0. */
  static Dropout none() {
    return NONE;
  }

  /** The masks of one step. */
  static Dropout of(double rate, long stepSeed) {
    return rate == 0 ? NONE : new Dropout(rate, stepSeed);
  }

  /** The factor kept elements are multiplied by, {@code 1 / (1 - rate)}. */
  float scale() {
    return scale;
  }

  /** Zeroes the dropped elements of one row. */
  void zeroDropped(int layer, int row, float[] values, int offset, int width) {
    if (rate == 0) {
      return;
    }
    SplittableRandom random = new SplittableRandom(mix(stepSeed, layer, row));
    for (long at = -1; ; ) {
      at += 1 + (long) Math.floor(Math.log(1 - random.nextDouble()) / logKeep);
      if (at >= width) {
        return;
      }
      values[offset + (int) at] = 0;
    }
  }

  private static long mix(long seed, int layer, int row) {
    long z = seed + 0x9E3779B97F4A7C15L * (((long) layer << 32) + row + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
