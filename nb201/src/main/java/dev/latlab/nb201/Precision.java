package dev.latlab.nb201;

/**
 * The numeric precision of a generated network. Part of {@link NetworkSpec}, hence of the network's
 * identity: the same cell runs at a different speed in float32 and in int8.
 */
public enum Precision {
  /** float32 weights and activations; every emitter. */
  FP32("fp32"),
  /**
   * Full-integer quantisation (TFLite's 8-bit spec): int8 weights per output channel, int32 biases,
   * int8 activations calibrated on seeded inputs; float32 input and output. TFLite only.
   */
  INT8("int8");

  private final String cliName;

  Precision(String cliName) {
    this.cliName = cliName;
  }

  /**
   * Returns the name used on the command line, on the wire and in identities.
   *
   * @return {@code fp32} or {@code int8}
   */
  public String cliName() {
    return cliName;
  }

  /**
   * Returns the precision with the given name.
   *
   * @param name {@code fp32} or {@code int8}
   * @return the precision
   * @throws IllegalArgumentException naming the valid names otherwise
   */
  public static Precision fromCliName(String name) {
    for (Precision p : values()) {
      if (p.cliName.equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown precision '" + name + "': expected fp32 or int8");
  }

  /**
   * Returns the precision named in a {@code latlab.v1.NetworkOptions} message, where the empty
   * string (the field unset, as senders older than it leave it) means float32.
   *
   * @param name empty, {@code fp32} or {@code int8}
   * @return the precision
   * @throws IllegalArgumentException naming the valid names otherwise
   */
  public static Precision fromWireName(String name) {
    return name.isEmpty() ? FP32 : fromCliName(name);
  }

  @Override
  public String toString() {
    return cliName;
  }
}
