package dev.latlab.nb201.net;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.Op;

/**
 * Which parts of a cell the network computes: a node is zero when no non-zero edge brings it a
 * non-zero input; a node is live when it is non-zero and reaches the output through non-zero edges;
 * an edge is carried when it has a non-zero op from a non-zero node into a live node.
 */
final class CellPlan {
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

  static CellPlan of(Arch arch) {
    return new CellPlan(arch);
  }

  static int source(int edge) {
    return FROM[edge];
  }

  static int target(int edge) {
    return TO[edge];
  }

  /** Whether the cell's output is always zero. */
  boolean degenerate() {
    return !live[3];
  }

  boolean live(int node) {
    return live[node];
  }

  boolean carries(int edge) {
    return carried[edge];
  }
}
