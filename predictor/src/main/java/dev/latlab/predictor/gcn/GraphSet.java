package dev.latlab.predictor.gcn;

import dev.latlab.nb201.graph.GcnEncoding;
import java.util.List;

/** The adjacency and feature matrices of a list of cells, flattened once for fast batching. */
final class GraphSet {
  static final int NODES = GcnEncoding.NODES;
  static final int FEATURES = GcnEncoding.FEATURES;
  static final int ADJACENCY = NODES * NODES;
  static final int FEATURE_BLOCK = NODES * FEATURES;

  private final float[] adjacency;
  private final float[] features;
  private final int size;

  private GraphSet(float[] adjacency, float[] features, int size) {
    this.adjacency = adjacency;
    this.features = features;
    this.size = size;
  }

  static GraphSet of(List<GcnEncoding> cells) {
    int n = cells.size();
    float[] a = new float[n * ADJACENCY];
    float[] f = new float[n * FEATURE_BLOCK];
    for (int i = 0; i < n; i++) {
      GcnEncoding cell = cells.get(i);
      if (cell == null) {
        throw new IllegalArgumentException("cell " + i + " is null");
      }
      System.arraycopy(cell.adjacencyMatrix(), 0, a, i * ADJACENCY, ADJACENCY);
      System.arraycopy(cell.featureMatrix(), 0, f, i * FEATURE_BLOCK, FEATURE_BLOCK);
    }
    return new GraphSet(a, f, n);
  }

  int size() {
    return size;
  }

  /** Loads graphs {@code order[from..to)} into the trace as its batch. */
  void load(int[] order, int from, int to, Trace into) {
    into.resize(to - from);
    for (int g = 0; g < to - from; g++) {
      int cell = order[from + g];
      System.arraycopy(adjacency, cell * ADJACENCY, into.adjacency, g * ADJACENCY, ADJACENCY);
      System.arraycopy(features, cell * FEATURE_BLOCK, into.features, g * FEATURE_BLOCK,
          FEATURE_BLOCK);
    }
  }
}
