package dev.latlab.predictor.gcn;

import dev.latlab.predictor.numeric.RowOps;
import dev.latlab.predictor.numeric.Sgemm;
import dev.latlab.predictor.numeric.WorkerPool;

/** A model's parameters with the threads and buffers to run it. Close it to stop the threads. */
final class GcnRuntime implements AutoCloseable {
  /** Graphs per inference batch: large enough for full-speed products, small in memory. */
  static final int EVAL_BATCH = 128;

  final ParamLayout layout;
  final float[] params;
  final WorkerPool pool;
  final RowOps ops;
  final GcnNetwork network;

  /** Takes a copy of the weights. */
  GcnRuntime(GcnWeights weights, int threads) {
    this.layout = weights.layout;
    this.params = weights.values.clone();
    this.pool = WorkerPool.create(threads);
    this.ops = RowOps.create();
    this.network = new GcnNetwork(layout, Sgemm.create(pool), ops, pool);
  }

  /** Embeds every graph of the set in evaluation mode: {@code size x hidden}, row-major. */
  float[] embed(GraphSet set) {
    int h = layout.hidden;
    float[] result = new float[set.size() * h];
    int[] identity = new int[set.size()];
    for (int i = 0; i < identity.length; i++) {
      identity[i] = i;
    }
    Trace trace = new Trace(layout);
    for (int from = 0; from < set.size(); from += EVAL_BATCH) {
      int to = Math.min(set.size(), from + EVAL_BATCH);
      set.load(identity, from, to, trace);
      network.forward(params, trace, Dropout.none());
      System.arraycopy(trace.embedding(), 0, result, from * h, (to - from) * h);
    }
    return result;
  }

  /** The current parameters as weights (a copy). */
  GcnWeights weights() {
    return new GcnWeights(layout, params.clone());
  }

  @Override
  public void close() {
    pool.close();
  }
}
