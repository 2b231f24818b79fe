package dev.latlab.agent;

import dev.latlab.nb201.net.Shape;
import java.util.SplittableRandom;

/** Network inputs drawn from a seed: standard normal values, like a normalised image. */
public final class SeededInput {
  private SeededInput() {}

  /**
   * Returns an input for a network.
   *
   * @param shape the network's input shape
   * @param seed the seed; the same seed gives the same values
   * @return {@code shape.size()} values in NCHW order
   */
  public static float[] of(Shape shape, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[shape.size()];
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
