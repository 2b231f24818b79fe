package dev.latlab.predictor.latency;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.CostModel;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.nb201.Op;
import dev.latlab.nb201.graph.GcnEncoding;

/** The hand-made features of a cell that the baselines and the few-shot selection use. */
public final class CellFeatures {
  /** Features of {@link #oneHot}: 6 edges x 5 ops. */
  public static final int ONE_HOT = Arch.EDGES * Op.values().length;
  /** Features of {@link #opCounts}. */
  public static final int OP_COUNTS = 4;

  private CellFeatures() {}

  /**
   * Returns the FLOPs of the cell's NB201 network at LatBench's input (CIFAR-10, 32x32x3, batch 1).
   *
   * @param arch the cell
   * @return multiply-adds counted as FLOPs by {@link CostModel}
   */
  public static double flops(Arch arch) {
    return CostModel.of(arch, NetworkSpec.CIFAR10).flops();
  }

  /**
   * Returns the one-hot op vector: entry {@code edge * 5 + op id} is 1.
   *
   * @param arch the cell
   * @return 30 values, six of them 1
   */
  public static double[] oneHot(Arch arch) {
    double[] x = new double[ONE_HOT];
    for (int e = 0; e < Arch.EDGES; e++) {
      x[e * Op.values().length + arch.op(e).id()] = 1;
    }
    return x;
  }

  /**
   * Returns how many of each op type the network computes per cell: the 1x1 convolutions, 3x3
   * convolutions and average pools left on an input-to-output path (BRP-NAS's pruned graph, so
   * dead branches cost nothing), and the skip edges.
   *
   * @param arch the cell
   * @return {conv1x1, conv3x3, avg_pool, skip_connect}
   */
  public static double[] opCounts(Arch arch) {
    GcnEncoding graph = GcnEncoding.of(arch);
    double[] counts = new double[OP_COUNTS];
    for (int node = 0; node < GcnEncoding.NODES; node++) {
      for (int op = 0; op < 3; op++) {
        counts[op] += graph.feature(node, op);
      }
    }
    counts[3] = arch.count(Op.SKIP_CONNECT);
    return counts;
  }
}
