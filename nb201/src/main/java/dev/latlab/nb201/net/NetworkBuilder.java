package dev.latlab.nb201.net;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.Op;
import dev.latlab.nb201.NetworkSpec;
import java.util.Arrays;

/**
 * Builds the NB201 network of a cell in inference form.
 *
 * <p>Stem: 3x3 conv (C channels) + BN. Three stages of N cells (C, 2C, 4C channels) joined by NB201's
 * ResNet basic block (ReLU-conv3x3-BN with stride 2, ReLU-conv3x3-BN, plus a 2x2 avg-pool + 1x1 conv
 * shortcut). Then BN, ReLU, global average pool and a linear classifier. In a cell, {@code
 * nor_conv_kxk} is ReLU, conv, BN; {@code avg_pool_3x3} has stride 1, padding 1, padding not
 * counted; {@code skip_connect} is the identity; a node sums its incoming edges. Zero inputs are
 * removed: {@code none} edges, edges from always-zero nodes, and nodes whose result reaches the
 * output through no non-zero edge are not emitted. Every other edge is its own op, as in NB201's
 * PyTorch module. A degenerate cell outputs its input times zero, as NB201's {@code Zero} op does.
 *
 * <p>Inference form: every BN that follows a conv is folded into it, and the ReLU of a tensor is
 * shared by all convs that read it. Weights are drawn from the seed in emission order (see {@link
 * WeightGenerator}), so the same arch, spec and seed give the same weights everywhere.
 */
public final class NetworkBuilder {
  private final GraphBuilder graph;

  private NetworkBuilder(NetworkSpec spec, long seed) {
    this.graph = new GraphBuilder(spec, new WeightGenerator(seed));
  }

  /**
   * Builds the network of a cell.
   *
   * @param arch the cell, repeated in every stage
   * @param spec the macro skeleton
   * @param seed the weight seed
   * @return the network
   */
  public static Network build(Arch arch, NetworkSpec spec, long seed) {
    return new NetworkBuilder(spec, seed).network(arch, spec, seed);
  }

  private Network network(Arch arch, NetworkSpec spec, long seed) {
    CellPlan cell = CellPlan.of(arch);
    int x = graph.conv(graph.input(), spec.stageChannels(0), 3, 1, 1, true);
    for (int stage = 0; stage < 3; stage++) {
      if (stage > 0) {
        x = reduction(x, spec.stageChannels(stage));
      }
      for (int n = 0; n < spec.cellsPerStage(); n++) {
        x = cell.degenerate() ? graph.zero(x) : emitCell(arch, cell, x);
      }
    }
    x = graph.relu(graph.batchNorm(x));
    x = graph.dense(graph.globalAvgPool(x), spec.classes());
    return graph.toNetwork(arch, seed);
  }

  private int reduction(int x, int out) {
    int a = graph.conv(graph.relu(x), out, 3, 2, 1, true);
    int b = graph.conv(graph.relu(a), out, 3, 1, 1, true);
    int shortcut = graph.conv(graph.avgPool(x, 2, 2, 0), out, 1, 1, 0, false);
    return graph.add(new int[] {b, shortcut});
  }

  /** Emits the live edges node by node, in edge order; returns node 3's layer. */
  private int emitCell(Arch arch, CellPlan plan, int cellInput) {
    int[] node = {cellInput, -1, -1, -1};
    for (int target = 1; target <= 3; target++) {
      if (!plan.live(target)) {
        continue;
      }
      int[] terms = new int[3];
      int count = 0;
      for (int e = 0; e < Arch.EDGES; e++) {
        if (plan.carries(e) && CellPlan.target(e) == target) {
          terms[count++] = edge(arch.op(e), node[CellPlan.source(e)]);
        }
      }
      node[target] = count == 1 ? terms[0] : graph.add(Arrays.copyOf(terms, count));
    }
    return node[3];
  }

  private int edge(Op op, int input) {
    return switch (op) {
      case SKIP_CONNECT -> input;
      case AVG_POOL_3X3 -> graph.avgPool(input, 3, 1, 1);
      case NOR_CONV_1X1, NOR_CONV_3X3 -> graph.conv(graph.relu(input),
          graph.shape(input).channels(), op.kernelSize(), 1, op.kernelSize() / 2, true);
      case NONE -> throw new IllegalStateException("none edges are never emitted");
    };
  }
}
