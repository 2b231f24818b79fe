package dev.latlab.nb201.net;

import java.util.SplittableRandom;

/**
 * Standard-normal values drawn from a seed, like a normalised image: the inputs agents time
 * networks with and the inputs int8 networks are calibrated on. The same seed gives the same values
 * on every platform.
 */
public final class SeededNormal {
  private SeededNormal() {}

  /**
   * Returns {@code count} standard-normal values.
   *
   * @param count how many
   * @param seed the seed
   * @return the values
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public static float[] sample(int count, long seed) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0: " + count);
    }
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[count];
    for (int i = 0; i < values.length; i += 2) {
      // Box-Muller, written out because SplittableRandom has no nextGaussian() on Android.
      double radius = Math.sqrt(-2 * Math.log(1 - random.nextDouble()));
      double angle = 2 * Math.PI * random.nextDouble();
      values[i] = (float) (radius * Math.cos(angle));
      if (i + 1 < values.length) {
        values[i + 1] = (float) (radius * Math.sin(angle));
      }
    }
    return values;
  }
}
