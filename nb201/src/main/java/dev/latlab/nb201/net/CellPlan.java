package dev.latlab.nb201.net;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.Op;

/**
 * Which parts of a cell the network computes: a node is zero when no non-zero edge brings it a
 * non-zero input; a node is live when it is non-zero and reaches the output through non-zero edges;
 * an edge is carried when it has a non-zero op from a non-zero node into a live node.
 */
public final class CellPlan {
  private static final int[] FROM = {0, 0, 1, 0, 1, 2};
  private static final int[] TO = {1, 2, 2, 3, 3, 3};

  private final boolean[] live = new boolean[4];
  private final boolean[] carried = new boolean[Arch.EDGES];

  private CellPlan(Arch arch) {
    boolean[] nonZero = {true, false, false, false};
    for (int e = 0; e < Arch.EDGES; e++) {
      nonZero[TO[e]] |= arch.op(e) != Op.NONE && nonZero[FROM[e]];
    }
    live[3] = nonZero[3];
    for (int e = Arch.EDGES - 1; e >= 0; e--) {
      carried[e] = arch.op(e) != Op.NONE && nonZero[FROM[e]] && live[TO[e]];
      live[FROM[e]] |= carried[e];
    }
  }

  /**
   * Plans a cell.
   *
   * @param arch the cell
   * @return which nodes and edges its network computes
   */
  public static CellPlan of(Arch arch) {
    return new CellPlan(arch);
  }

  static int source(int edge) {
    return FROM[edge];
  }

  /**
   * Returns the node an edge ends at.
   *
   * @param edge 0..5, in NB201 order
   * @return 1..3 (0 is the cell input, 3 the output)
   */
  public static int target(int edge) {
    return TO[edge];
  }

  /**
   * Returns whether the cell's output is always zero.
   *
   * @return true for a degenerate cell
   */
  public boolean degenerate() {
    return !live[3];
  }

  boolean live(int node) {
    return live[node];
  }

  /**
   * Returns whether the network computes an edge: a non-zero op from a non-zero node into a live
   * node.
   *
   * @param edge 0..5, in NB201 order
   * @return true if the edge's op is computed
   */
  public boolean carries(int edge) {
    return carried[edge];
  }
}
