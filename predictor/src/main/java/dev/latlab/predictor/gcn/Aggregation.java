package dev.latlab.predictor.gcn;

import dev.latlab.predictor.numeric.RowOps;
import java.util.Arrays;

/** The graph part of a convolution, {@code S = A Z + b} per graph, and its transpose. */
final class Aggregation {
  private static final int N = GraphSet.NODES;

  private final RowOps ops;

  Aggregation(RowOps ops) {
    this.ops = ops;
  }

  /** {@code s[i] = bias + sum_j A[i][j] z[j]} for the 9 rows of graph {@code g}. */
  void forward(float[] adjacency, int g, float[] z, float[] s, float[] w, int bias, int h) {
    int a0 = g * GraphSet.ADJACENCY;
    for (int i = 0; i < N; i++) {
      int si = (g * N + i) * h;
      System.arraycopy(w, bias, s, si, h);
      for (int j = 0; j < N; j++) {
        float a = adjacency[a0 + i * N + j];
        if (a != 0) {
          ops.axpy(a, z, (g * N + j) * h, s, si, h);
        }
      }
    }
  }

  /** {@code dz[j] = sum_i A[i][j] ds[i]} for the 9 rows of graph {@code g}. */
  void backward(float[] adjacency, int g, float[] ds, float[] dz, int h) {
    int a0 = g * GraphSet.ADJACENCY;
    for (int j = 0; j < N; j++) {
      int zj = (g * N + j) * h;
      Arrays.fill(dz, zj, zj + h, 0f);
      for (int i = 0; i < N; i++) {
        float a = adjacency[a0 + i * N + j];
        if (a != 0) {
          ops.axpy(a, ds, (g * N + i) * h, dz, zj, h);
        }
      }
    }
  }
}
