package dev.latlab.nb201.graph;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.Op;

/**
 * The cell graph BRP-NAS feeds its GCN, reproduced exactly (SamsungLabs/eagle, {@code
 * get_matrix_and_ops(prune=True, keep_dims=True)} then {@code get_adjacency_and_features}).
 *
 * <p><b>Nodes</b> (always 9, fixed positions): 0 global; 1 input; 2..7 the ops of edges e(0->1),
 * e(0->2), e(1->2), e(0->3), e(1->3), e(2->3) (ops sit on nodes); 8 output.
 *
 * <p><b>Adjacency</b> ({@code 9x9}, 0/1, not normalised): {@code a[i][j] = 1} for a data-flow edge
 * i->j of the op DAG; the global node's row is all ones ({@code a[0][j] = 1}); the diagonal is one
 * (self-loops). A GCN layer computes {@code A (X W)}, so row i aggregates its successors and itself,
 * and the global node aggregates every node. The op DAG is built as BRP-NAS builds it: a {@code
 * none} node loses all its edges; a {@code skip_connect} node is bypassed (its predecessors are
 * linked to its successors) and keeps no label; these rewrites run in edge order on the evolving
 * matrix. Then every node not on an input-to-output path is pruned (row and column zeroed, label
 * removed), which empties the whole DAG of a degenerate cell.
 *
 * <p><b>Features</b> ({@code 9x6}, one-hot): column 0 {@code nor_conv_1x1}, 1 {@code nor_conv_3x3},
 * 2 {@code avg_pool_3x3}, 3 input, 4 output, 5 global. The global, input and output nodes are always
 * labelled; op nodes that are none, skip or pruned have an all-zero row.
 */
public final class GcnEncoding {
  /** Nodes per graph. */
  public static final int NODES = 9;
  /** Features per node. */
  public static final int FEATURES = 6;

  static final int GLOBAL = 0;
  static final int INPUT_FEATURE = 3;
  static final int OUTPUT_FEATURE = 4;
  static final int GLOBAL_FEATURE = 5;

  private final byte[][] adjacency;
  private final byte[][] features;

  private GcnEncoding(byte[][] adjacency, byte[][] features) {
    this.adjacency = adjacency;
    this.features = features;
  }

  /**
   * Encodes a cell.
   *
   * @param arch the cell
   * @return its graph
   */
  public static GcnEncoding of(Arch arch) {
    OpDag dag = OpDag.of(arch);
    byte[][] a = new byte[NODES][NODES];
    byte[][] f = new byte[NODES][FEATURES];
    for (int i = 0; i < NODES; i++) {
      a[GLOBAL][i] = 1;
      a[i][i] = 1;
    }
    for (int i = 0; i < OpDag.SIZE; i++) {
      for (int j = 0; j < OpDag.SIZE; j++) {
        a[i + 1][j + 1] |= dag.edge(i, j) ? (byte) 1 : 0;
      }
      Op label = dag.label(i);
      if (label != null) {
        f[i + 1][label.id() - Op.NOR_CONV_1X1.id()] = 1;
      }
    }
    f[GLOBAL][GLOBAL_FEATURE] = 1;
    f[1][INPUT_FEATURE] = 1;
    f[NODES - 1][OUTPUT_FEATURE] = 1;
    return new GcnEncoding(a, f);
  }

  /**
   * Returns one adjacency entry.
   *
   * @param from row, 0..8
   * @param to column, 0..8
   * @return 1 if row {@code from} aggregates column {@code to}, else 0
   */
  public int adjacency(int from, int to) {
    return adjacency[from][to];
  }

  /**
   * Returns one feature entry.
   *
   * @param node 0..8
   * @param feature 0..5
   * @return 1 or 0
   */
  public int feature(int node, int feature) {
    return features[node][feature];
  }

  /**
   * Returns the adjacency as a fresh row-major {@code 9x9} float array.
   *
   * @return 81 values, 0 or 1
   */
  public float[] adjacencyMatrix() {
    return flatten(adjacency, NODES);
  }

  /**
   * Returns the features as a fresh row-major {@code 9x6} float array.
   *
   * @return 54 values, 0 or 1
   */
  public float[] featureMatrix() {
    return flatten(features, FEATURES);
  }

  private static float[] flatten(byte[][] rows, int width) {
    float[] flat = new float[rows.length * width];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < width; j++) {
        flat[i * width + j] = rows[i][j];
      }
    }
    return flat;
  }
}
