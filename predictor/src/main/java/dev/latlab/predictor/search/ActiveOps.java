package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.Op;

/**
 * The ops a cell really computes: an edge counts only if its op is not {@code none}, its source
 * node is reachable from the cell input and its target node reaches the cell output through
 * non-{@code none} edges. Other edges are dropped from the network (see docs/search-space.md).
 */
final class ActiveOps {
  private static final int[] FROM = {0, 0, 1, 0, 1, 2};
  private static final int[] TO = {1, 2, 2, 3, 3, 3};
  private static final int NODES = 4;

  private ActiveOps() {}

  /** Returns the op of each edge, or null where the edge is not computed. */
  static Op[] of(Arch arch) {
    boolean[] fromInput = new boolean[NODES];
    fromInput[0] = true;
    for (int e = 0; e < Arch.EDGES; e++) {
      fromInput[TO[e]] |= fromInput[FROM[e]] && arch.op(e) != Op.NONE;
    }
    boolean[] toOutput = new boolean[NODES];
    toOutput[NODES - 1] = true;
    for (int e = Arch.EDGES - 1; e >= 0; e--) {
      toOutput[FROM[e]] |= toOutput[TO[e]] && arch.op(e) != Op.NONE;
    }
    Op[] active = new Op[Arch.EDGES];
    for (int e = 0; e < Arch.EDGES; e++) {
      boolean used = arch.op(e) != Op.NONE && fromInput[FROM[e]] && toOutput[TO[e]];
      active[e] = used ? arch.op(e) : null;
    }
    return active;
  }

  /** Returns how many additions the cell computes: inputs beyond the first of each node. */
  static int additions(Op[] active) {
    int[] inputs = new int[NODES];
    for (int e = 0; e < Arch.EDGES; e++) {
      inputs[TO[e]] += active[e] == null ? 0 : 1;
    }
    int adds = 0;
    for (int n : inputs) {
      adds += Math.max(0, n - 1);
    }
    return adds;
  }
}
