package dev.latlab.predictor.gcn;

import dev.latlab.predictor.optim.AdamW;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What both trainers share: the training graphs in a shuffled order, a batch trace, the gradient
 * buffer, AdamW and the seeded generators. Same seed, same shuffles, same dropout masks.
 */
final class BatchSteps {
  final GcnRuntime runtime;
  final GraphSet graphs;
  final Trace trace;
  final float[] grad;
  final int[] order;
  private final AdamW adam;
  private final SplittableRandom shuffle;
  private final SplittableRandom dropoutSeeds;
  private final double dropout;

  BatchSteps(GcnRuntime runtime, GraphSet graphs, GcnOptions options, SplittableRandom random) {
    this.runtime = runtime;
    this.graphs = graphs;
    this.trace = new Trace(runtime.layout);
    this.grad = new float[runtime.params.length];
    this.order = new int[graphs.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    this.adam = AdamW.withTorchDefaults(runtime.params.length, options.weightDecay(),
        runtime.ops);
    this.shuffle = random.split();
    this.dropoutSeeds = random.split();
    this.dropout = options.dropout();
  }

  /** Draws a new order of the training graphs (Fisher-Yates). */
  void shuffle() {
    for (int i = order.length - 1; i > 0; i--) {
      int j = shuffle.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /** Loads graphs {@code order[from..to)}, runs the forward pass in training mode. */
  Dropout forward(int from, int to) {
    graphs.load(order, from, to, trace);
    Dropout masks = Dropout.of(dropout, dropoutSeeds.nextLong());
    runtime.network.forward(runtime.params, trace, masks);
    Arrays.fill(grad, 0f);
    return masks;
  }

  /** Back-propagates the embeddings' gradient (head gradients already in {@link #grad}), steps. */
  void backwardAndStep(float[] gradEmbedding, Dropout masks, double learningRate) {
    runtime.network.backward(runtime.params, trace, gradEmbedding, grad, masks.scale());
    adam.step(runtime.params, grad, learningRate, runtime.pool);
  }
}
