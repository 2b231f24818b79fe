package dev.latlab.nb201;

/**
 * The five candidate operations of an NB201 cell edge, with the ids used by LatBench and BRP-NAS
 * (none=0, skip_connect=1, nor_conv_1x1=2, nor_conv_3x3=3, avg_pool_3x3=4).
 */
public enum Op {
  /** The zero operation: the edge carries nothing and is dropped from the network. */
  NONE("none"),
  /** Identity. */
  SKIP_CONNECT("skip_connect"),
  /** ReLU, 1x1 convolution, BatchNorm. */
  NOR_CONV_1X1("nor_conv_1x1"),
  /** ReLU, 3x3 convolution (padding 1), BatchNorm. */
  NOR_CONV_3X3("nor_conv_3x3"),
  /** 3x3 average pooling, stride 1, padding 1, padding not counted. */
  AVG_POOL_3X3("avg_pool_3x3");

  private static final Op[] BY_ID = values();

  private final String nb201Name;

  Op(String nb201Name) {
    this.nb201Name = nb201Name;
  }

  /**
   * Returns the LatBench / BRP-NAS id of this op (0..4).
   *
   * @return the id, equal to {@link #ordinal()}
   */
  public int id() {
    return ordinal();
  }

  /**
   * Returns the name used in NB201 strings, e.g. {@code nor_conv_3x3}.
   *
   * @return the NB201 name
   */
  public String nb201Name() {
    return nb201Name;
  }

  /**
   * Returns whether this op has a convolution (and so learnable weights).
   *
   * @return true for the two {@code nor_conv} ops
   */
  public boolean isConv() {
    return this == NOR_CONV_1X1 || this == NOR_CONV_3X3;
  }

  /**
   * Returns the convolution kernel size of a conv op.
   *
   * @return 1 or 3
   * @throws IllegalStateException if this op is not a convolution
   */
  public int kernelSize() {
    return switch (this) {
      case NOR_CONV_1X1 -> 1;
      case NOR_CONV_3X3 -> 3;
      default -> throw new IllegalStateException(nb201Name + " has no kernel");
    };
  }

  /**
   * Returns the op with the given LatBench id.
   *
   * @param id 0..4
   * @return the op
   * @throws IllegalArgumentException if the id is out of range
   */
  public static Op fromId(int id) {
    if (id < 0 || id >= BY_ID.length) {
      throw new IllegalArgumentException("op id must be 0..4: " + id);
    }
    return BY_ID[id];
  }

  /**
   * Returns the op with the given NB201 name, or null if there is none.
   *
   * @param name e.g. {@code avg_pool_3x3}
   * @return the op, or null for an unknown name
   */
  static Op fromNb201NameOrNull(String name) {
    for (Op op : BY_ID) {
      if (op.nb201Name.equals(name)) {
        return op;
      }
    }
    return null;
  }
}
