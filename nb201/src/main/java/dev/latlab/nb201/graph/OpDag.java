package dev.latlab.nb201.graph;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.Op;

/**
 * BRP-NAS's op-on-node DAG of a cell before the global node is added: node 0 input, 1..6 the edges'
 * ops, 7 output. See {@link GcnEncoding} for the rules; this class follows BRP-NAS's procedure step
 * by step, including its order of rewrites, so that the encoding is the same.
 */
final class OpDag {
  static final int SIZE = 8;
  private static final int INPUT = 0;
  private static final int OUTPUT = 7;
  /** Data-flow edges of the full cell: input feeds the three edges leaving node 0, and so on. */
  private static final int[][] CELL_EDGES = {
    {0, 1}, {0, 2}, {0, 4}, {1, 3}, {1, 5}, {2, 6}, {3, 6}, {4, 7}, {5, 7}, {6, 7}
  };

  private final boolean[][] edges = new boolean[SIZE][SIZE];
  private final Op[] labels = new Op[SIZE];

  private OpDag() {
    for (int[] e : CELL_EDGES) {
      edges[e[0]][e[1]] = true;
    }
  }

  static OpDag of(Arch arch) {
    OpDag dag = new OpDag();
    for (int e = 0; e < Arch.EDGES; e++) {
      dag.rewrite(e + 1, arch.op(e));
    }
    dag.prune();
    return dag;
  }

  boolean edge(int from, int to) {
    return edges[from][to];
  }

  /** The op label of a node, or null for input, output, none, skip and pruned nodes. */
  Op label(int node) {
    return labels[node];
  }

  private void rewrite(int node, Op op) {
    switch (op) {
      case NONE -> isolate(node);
      case SKIP_CONNECT -> bypass(node);
      default -> labels[node] = op;
    }
  }

  private void isolate(int node) {
    for (int other = 0; other < SIZE; other++) {
      edges[other][node] = false;
      edges[node][other] = false;
    }
  }

  /** Links every predecessor to every successor, as BRP-NAS does (a successor-less node keeps its in-edges). */
  private void bypass(int node) {
    boolean[] successors = edges[node].clone();
    for (int pred = 0; pred < SIZE; pred++) {
      if (!edges[pred][node]) {
        continue;
      }
      for (int succ = 0; succ < SIZE; succ++) {
        if (successors[succ]) {
          edges[pred][succ] = true;
          edges[pred][node] = false;
        }
      }
    }
    for (int succ = 0; succ < SIZE; succ++) {
      if (successors[succ]) {
        edges[node][succ] = false;
      }
    }
  }

  private void prune() {
    boolean[] forward = reachable(INPUT, true);
    boolean[] backward = reachable(OUTPUT, false);
    for (int v = 0; v < SIZE; v++) {
      if (!forward[v] || !backward[v]) {
        labels[v] = null;
        isolate(v);
      }
    }
  }

  private boolean[] reachable(int start, boolean forward) {
    boolean[] seen = new boolean[SIZE];
    int[] stack = new int[SIZE];
    int top = 0;
    stack[top++] = start;
    seen[start] = true;
    while (top > 0) {
      int v = stack[--top];
      for (int other = 0; other < SIZE; other++) {
        boolean linked = forward ? edges[v][other] : edges[other][v];
        if (linked && !seen[other]) {
          seen[other] = true;
          stack[top++] = other;
        }
      }
    }
    return seen;
  }
}
