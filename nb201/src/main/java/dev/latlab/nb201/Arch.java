package dev.latlab.nb201;

import java.util.AbstractList;
import java.util.List;

/**
 * One NB201 cell: an op on each of the six edges e(0->1), e(0->2), e(1->2), e(0->3), e(1->3), e(2->3).
 * Immutable; one shared instance per cell, so {@code ==} works.
 *
 * <p>Three interchangeable names, each round-trip exact for all 15625 cells:
 *
 * <ul>
 *   <li>the NB201 string, {@code |op~0|+|op~0|op~1|+|op~0|op~1|op~2|};
 *   <li>the LatBench vector, six digits of op ids in the same edge order ({@code 421211});
 *   <li>the official NB201 API index 0..15624 (a fixed table, see {@link #index()}).
 * </ul>
 */
public final class Arch {
  /** Number of edges in a cell. */
  public static final int EDGES = 6;
  /** Number of cells in the search space. */
  public static final int COUNT = ArchIndexTable.SIZE;

  /** Source node of each edge, in edge order. */
  static final int[] EDGE_FROM = {0, 0, 1, 0, 1, 2};
  /** Target node of each edge, in edge order. */
  static final int[] EDGE_TO = {1, 2, 2, 3, 3, 3};

  private static final Arch[] BY_CODE = createAll();

  private final int code;
  private final Op[] ops;

  private Arch(int code) {
    this.code = code;
    this.ops = new Op[EDGES];
    int rest = code;
    for (int e = EDGES - 1; e >= 0; e--) {
      ops[e] = Op.fromId(rest % 5);
      rest /= 5;
    }
  }

  /**
   * Parses a cell from any of its three names: an NB201 string (starts with {@code |}), a 6-digit
   * LatBench vector, or an index of at most 5 digits.
   *
   * @param text the name
   * @return the cell
   * @throws ArchFormatException naming the offending token and position if the text is not a cell
   */
  public static Arch parse(String text) {
    return ArchParser.parse(text);
  }

  /**
   * Returns the cell with the given official NB201 index.
   *
   * @param index 0..15624
   * @return the cell
   * @throws ArchFormatException if the index is out of range
   */
  public static Arch fromIndex(int index) {
    if (index < 0 || index >= COUNT) {
      throw new ArchFormatException("arch index " + index + " is out of range 0.." + (COUNT - 1));
    }
    return BY_CODE[ArchIndexTable.codeOf(index)];
  }

  /**
   * Returns the cell with the given ops in edge order.
   *
   * @param ops six ops
   * @return the cell
   * @throws IllegalArgumentException if there are not exactly six ops
   */
  public static Arch of(Op... ops) {
    if (ops.length != EDGES) {
      throw new IllegalArgumentException("a cell has 6 edges, got " + ops.length);
    }
    int code = 0;
    for (Op op : ops) {
      code = code * 5 + op.id();
    }
    return BY_CODE[code];
  }

  /**
   * Returns all 15625 cells in index order.
   *
   * @return an immutable list where element i has index i
   */
  public static List<Arch> all() {
    return new AbstractList<>() {
      @Override
      public Arch get(int index) {
        return fromIndex(index);
      }

      @Override
      public int size() {
        return COUNT;
      }
    };
  }

  static Arch fromCode(int code) {
    return BY_CODE[code];
  }

  /**
   * Returns the official NB201 API index, {@code api.arch(index)} in NB201 / NATS-Bench.
   *
   * @return 0..15624
   */
  public int index() {
    return ArchIndexTable.indexOf(code);
  }

  /**
   * Returns the op on one edge.
   *
   * @param edge 0..5 in the order of the NB201 string
   * @return the op
   */
  public Op op(int edge) {
    return ops[edge];
  }

  /**
   * Returns the ops in edge order.
   *
   * @return a fresh array of six ops
   */
  public Op[] ops() {
    return ops.clone();
  }

  /**
   * Returns the LatBench vector, e.g. {@code 421211}.
   *
   * @return six digits 0..4
   */
  public String vector() {
    StringBuilder sb = new StringBuilder(EDGES);
    for (Op op : ops) {
      sb.append(op.id());
    }
    return sb.toString();
  }

  /**
   * Returns the NB201 string, e.g. {@code |avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+...}.
   *
   * @return the string
   */
  public String nb201String() {
    StringBuilder sb = new StringBuilder(160).append('|');
    for (int e = 0; e < EDGES; e++) {
      if (e > 0 && EDGE_FROM[e] == 0) {
        sb.append("+|");
      }
      sb.append(ops[e].nb201Name()).append('~').append(EDGE_FROM[e]).append('|');
    }
    return sb.toString();
  }

  /**
   * Returns how many edges carry the given op.
   *
   * @param op the op
   * @return 0..6
   */
  public int count(Op op) {
    int n = 0;
    for (Op o : ops) {
      n += o == op ? 1 : 0;
    }
    return n;
  }

  @Override
  public String toString() {
    return nb201String();
  }

  private static Arch[] createAll() {
    Arch[] all = new Arch[COUNT];
    for (int code = 0; code < COUNT; code++) {
      all[code] = new Arch(code);
    }
    return all;
  }
}
