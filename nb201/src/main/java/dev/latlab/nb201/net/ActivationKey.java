package dev.latlab.nb201.net;

/**
 * Names a value the int8 TFLite graph holds in a run-time tensor, so that its calibrated range can
 * be looked up: a layer's output, or an intermediate that exists only in TFLite (the partial sums
 * of an n-way {@link Layer.Add} emitted as a chain of binary ADDs, the product of a {@link
 * Layer.ChannelAffine} emitted as MUL then ADD).
 *
 * @param layer the IR layer
 * @param kind which of its values
 * @param terms for {@link Kind#PARTIAL_SUM}: how many of the add's first inputs are summed (at
 *     least 2, fewer than all); otherwise 0
 */
record ActivationKey(int layer, Kind kind, int terms) {
  /** What a key names. */
  enum Kind {
    /** The layer's output. */
    OUTPUT,
    /** The sum of the first {@code terms} inputs of an add. */
    PARTIAL_SUM,
    /** {@code x * scale} of a channel affine map, before the shift. */
    SCALED
  }

  static ActivationKey output(int layer) {
    return new ActivationKey(layer, Kind.OUTPUT, 0);
  }

  static ActivationKey partialSum(int layer, int terms) {
    return new ActivationKey(layer, Kind.PARTIAL_SUM, terms);
  }

  static ActivationKey scaled(int layer) {
    return new ActivationKey(layer, Kind.SCALED, 0);
  }
}
