package dev.latlab.predictor.gcn;

import dev.latlab.predictor.numeric.MatrixView;
import dev.latlab.predictor.numeric.RowOps;
import dev.latlab.predictor.numeric.Sgemm;
import dev.latlab.predictor.numeric.WorkerPool;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Forward and backward passes of the graph convolutions, from a batch of graphs to their
 * embeddings. The products run through {@link Sgemm}; the row work (aggregation, LayerNorm, ReLU,
 * dropout) is cut into fixed chunks of graphs, the column sums (bias, gain) into fixed chunks of
 * columns, so nothing depends on the thread count.
 */
final class GcnNetwork {
  private static final int N = GraphSet.NODES;
  private static final int GRAPH_CHUNK = 4;
  private static final int COLUMN_CHUNK = 64;

  private final ParamLayout layout;
  private final Sgemm sgemm;
  private final WorkerPool pool;
  private final RowOps ops;
  private final Aggregation aggregation;
  private final LayerNormRelu norm;
  private final int hidden;

  GcnNetwork(ParamLayout layout, Sgemm sgemm, RowOps ops, WorkerPool pool) {
    this.layout = layout;
    this.sgemm = sgemm;
    this.pool = pool;
    this.ops = ops;
    this.aggregation = new Aggregation(ops);
    this.norm = new LayerNormRelu(ops);
    this.hidden = layout.hidden;
  }

  /** Computes the embeddings of the trace's batch into {@link Trace#embedding()}. */
  void forward(float[] w, Trace t, Dropout dropout) {
    for (int l = 0; l < layout.layers - 1; l++) {
      convolve(w, t, l);
      normalize(w, t, l, dropout);
    }
    convolveGlobal(w, t);
    normalize(w, t, layout.layers - 1, dropout);
  }

  /** {@code S = A (H W) + b} over all nodes, into {@code norm[l]}. */
  private void convolve(float[] w, Trace t, int l) {
    int rows = t.rows(l);
    int in = layout.inputs(l);
    sgemm.multiply(MatrixView.rowMajor(t.input(l), 0, rows, in),
        MatrixView.rowMajor(w, layout.gcWeight(l), in, hidden),
        MatrixView.rowMajor(t.product, 0, rows, hidden), false);
    forGraphs(t, g -> aggregation.forward(t.adjacency, g, t.product, t.norm[l], w,
        layout.gcBias(l), hidden));
  }

  /**
   * The global node's row of the last convolution: its adjacency row is all ones, so {@code S_0 =
   * (sum_j H_j) W + b}.
   */
  private void convolveGlobal(float[] w, Trace t) {
    int l = layout.layers - 1;
    int in = layout.inputs(l);
    float[] input = t.input(l);
    forGraphs(t, g -> {
      Arrays.fill(t.nodeSum, g * in, (g + 1) * in, 0f);
      for (int j = 0; j < N; j++) {
        ops.axpy(1, input, (g * N + j) * in, t.nodeSum, g * in, in);
      }
    });
    sgemm.multiply(MatrixView.rowMajor(t.nodeSum, 0, t.graphs, in),
        MatrixView.rowMajor(w, layout.gcWeight(l), in, hidden),
        MatrixView.rowMajor(t.norm[l], 0, t.graphs, hidden), false);
    forRows(t.graphs, r -> ops.axpy(1, w, layout.gcBias(l), t.norm[l], r * hidden, hidden));
  }

  /** LayerNorm, ReLU and dropout of layer {@code l}, from {@code norm[l]} to {@code out[l]}. */
  private void normalize(float[] w, Trace t, int l, Dropout dropout) {
    float scale = dropout.scale();
    forRows(t.rows(l), r -> {
      norm.forward(t.norm[l], r * hidden, hidden, w, layout.lnGain(l), layout.lnBias(l),
          t.rstd[l], r, t.out[l], scale);
      dropout.zeroDropped(l, r, t.out[l], r * hidden, hidden);
    });
  }

  /**
   * Adds the gradient of the loss with respect to the parameters to {@code grad}, given its
   * gradient with respect to the embeddings ({@code graphs x hidden}). Call right after {@link
   * #forward}; the dropout masks are read back from the layer outputs.
   */
  void backward(float[] w, Trace t, float[] gradEmbedding, float[] grad, float dropoutScale) {
    int last = layout.layers - 1;
    t.ensureGradients();
    System.arraycopy(gradEmbedding, 0, t.gradOut, 0, t.graphs * hidden);
    normalizeBackward(w, t, last, grad, dropoutScale);
    sgemm.multiply(MatrixView.rowMajor(t.nodeSum, 0, t.graphs, layout.inputs(last)).transpose(),
        MatrixView.rowMajor(t.gradPre, 0, t.graphs, hidden),
        MatrixView.rowMajor(grad, layout.gcWeight(last), layout.inputs(last), hidden), true);
    if (last > 0) {
      inputGradient(w, t, last, t.gradPre, t.graphs);
      broadcastToNodes(t);
    }
    for (int l = last - 1; l >= 0; l--) {
      normalizeBackward(w, t, l, grad, dropoutScale);
      convolveBackward(w, t, l, grad);
    }
  }

  /** From {@code gradOut} (of {@code out[l]}) to {@code gradPre} (of S), plus gain/bias sums. */
  private void normalizeBackward(float[] w, Trace t, int l, float[] grad, float scale) {
    forRows(t.rows(l), r -> norm.backward(t.gradOut, t.out[l], t.norm[l], r * hidden, hidden, w,
        layout.lnGain(l), t.rstd[l][r], scale, t.gradPre));
    int rows = t.rows(l);
    pool.forEach((hidden + COLUMN_CHUNK - 1) / COLUMN_CHUNK, chunk -> {
      int from = chunk * COLUMN_CHUNK;
      int n = Math.min(hidden, from + COLUMN_CHUNK) - from;
      for (int r = 0; r < rows; r++) {
        int off = r * hidden + from;
        ops.addProduct(t.gradOut, off, t.norm[l], off, grad, layout.lnGain(l) + from, n);
        ops.axpy(1, t.gradOut, off, grad, layout.lnBias(l) + from, n);
        ops.axpy(1, t.gradPre, off, grad, layout.gcBias(l) + from, n);
      }
    });
  }

  /** Back through {@code A (H W)}: weight gradient, and input gradient above layer 0. */
  private void convolveBackward(float[] w, Trace t, int l, float[] grad) {
    int rows = t.rows(l);
    int in = layout.inputs(l);
    forGraphs(t, g -> aggregation.backward(t.adjacency, g, t.gradPre, t.gradProduct, hidden));
    sgemm.multiply(MatrixView.rowMajor(t.input(l), 0, rows, in).transpose(),
        MatrixView.rowMajor(t.gradProduct, 0, rows, hidden),
        MatrixView.rowMajor(grad, layout.gcWeight(l), in, hidden), true);
    if (l > 0) {
      inputGradient(w, t, l, t.gradProduct, rows);
      float[] swap = t.gradOut;
      t.gradOut = t.gradIn;
      t.gradIn = swap;
    }
  }

  /** {@code gradIn = gradProduct W^T}. */
  private void inputGradient(float[] w, Trace t, int l, float[] gradProduct, int rows) {
    int in = layout.inputs(l);
    sgemm.multiply(MatrixView.rowMajor(gradProduct, 0, rows, hidden),
        MatrixView.rowMajor(w, layout.gcWeight(l), in, hidden).transpose(),
        MatrixView.rowMajor(t.gradIn, 0, rows, in), false);
  }

  /** Every node of a graph fed the last layer's sum equally: copy the sum's gradient to each. */
  private void broadcastToNodes(Trace t) {
    forGraphs(t, g -> {
      for (int j = 0; j < N; j++) {
        System.arraycopy(t.gradIn, g * hidden, t.gradOut, (g * N + j) * hidden, hidden);
      }
    });
  }

  private void forGraphs(Trace t, IntConsumer body) {
    int graphs = t.graphs;
    pool.forEach((graphs + GRAPH_CHUNK - 1) / GRAPH_CHUNK, chunk -> {
      for (int g = chunk * GRAPH_CHUNK; g < Math.min(graphs, (chunk + 1) * GRAPH_CHUNK); g++) {
        body.accept(g);
      }
    });
  }

  private void forRows(int rows, IntConsumer body) {
    int chunk = GRAPH_CHUNK * N;
    pool.forEach((rows + chunk - 1) / chunk, c -> {
      for (int r = c * chunk; r < Math.min(rows, (c + 1) * chunk); r++) {
        body.accept(r);
      }
    });
  }
}
