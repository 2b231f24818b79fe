package dev.latlab.agent;

import dev.latlab.nb201.net.SeededNormal;
import dev.latlab.nb201.net.Shape;

/**
 * Network inputs drawn from a seed: standard normal values, like a normalised image ({@link
 * SeededNormal}, which int8 networks are also calibrated with).
 */
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
    return SeededNormal.sample(shape.size(), seed);
  }
}
