package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.Op;
import dev.latlab.nb201.net.CellPlan;

/**
 * The ops a cell really computes, as the network generator decides it ({@link CellPlan}): an edge
 * counts only if its op is not {@code none}, its source node is reachable from the cell input and
 * its target node reaches the cell output. Other edges are dropped from the network.
 */
final class ActiveOps {
  private static final int NODES = 4;

  private ActiveOps() {}

  /** Returns the op of each edge, or null where the edge is not computed. */
  static Op[] of(Arch arch) {
    CellPlan plan = CellPlan.of(arch);
    Op[] active = new Op[Arch.EDGES];
    for (int e = 0; e < Arch.EDGES; e++) {
      active[e] = plan.carries(e) ? arch.op(e) : null;
    }
    return active;
  }

  static int additions(Op[] active) {
    int[] inputs = new int[NODES];
    for (int e = 0; e < Arch.EDGES; e++) {
      inputs[CellPlan.target(e)] += active[e] == null ? 0 : 1;
    }
    int adds = 0;
    for (int n : inputs) {
      adds += Math.max(0, n - 1);
    }
    return adds;
  }
}
