package dev.latlab.predictor.gcn;

/**
 * A batch of graphs and everything the forward pass keeps for the backward pass, plus the backward
 * pass's scratch. Buffers grow to the largest batch seen and are reused.
 *
 * <p>Per layer {@code l}: {@code norm[l]} holds the normalised pre-activation {@code (S - mean) *
 * rstd}, {@code rstd[l]} its per-row factor, {@code out[l]} the layer output (after ReLU and
 * dropout). Every layer but the last has {@code graphs * 9} rows; the last has {@code graphs} rows
 * (the global node only), and {@code out[last]} is the embedding.
 */
final class Trace {
  final int layers;
  final int hidden;
  final int lastInputs;
  int graphs;
  float[] adjacency = new float[0];
  float[] features = new float[0];
  final float[][] norm;
  final float[][] rstd;
  final float[][] out;
  float[] nodeSum = new float[0];
  float[] product = new float[0];
  float[] gradOut = new float[0];
  float[] gradPre = new float[0];
  float[] gradProduct = new float[0];
  float[] gradIn = new float[0];
  private int capacity;

  Trace(ParamLayout layout) {
    this.layers = layout.layers;
    this.hidden = layout.hidden;
    this.lastInputs = layout.inputs(layers - 1);
    this.norm = new float[layers][0];
    this.rstd = new float[layers][0];
    this.out = new float[layers][0];
  }

  /** Sets the batch size, growing the buffers if needed. */
  void resize(int graphs) {
    this.graphs = graphs;
    if (graphs <= capacity) {
      return;
    }
    capacity = graphs;
    int rows = graphs * GraphSet.NODES;
    adjacency = new float[graphs * GraphSet.ADJACENCY];
    features = new float[graphs * GraphSet.FEATURE_BLOCK];
    for (int l = 0; l < layers; l++) {
      int layerRows = l == layers - 1 ? graphs : rows;
      norm[l] = new float[layerRows * hidden];
      rstd[l] = new float[layerRows];
      out[l] = new float[layerRows * hidden];
    }
    nodeSum = new float[graphs * lastInputs];
    product = new float[rows * hidden];
    gradOut = new float[0];
  }

  /** Makes sure the backward buffers fit the batch; inference never allocates them. */
  void ensureGradients() {
    int size = capacity * GraphSet.NODES * hidden;
    if (gradOut.length < size) {
      gradOut = new float[size];
      gradPre = new float[size];
      gradProduct = new float[size];
      gradIn = new float[size];
    }
  }

  /** Rows of layer {@code l}. */
  int rows(int layer) {
    return layer == layers - 1 ? graphs : graphs * GraphSet.NODES;
  }

  /** The input of layer {@code l}: the node features, or the previous layer's output. */
  float[] input(int layer) {
    return layer == 0 ? features : out[layer - 1];
  }

  /** The embeddings, {@code graphs x hidden}. */
  float[] embedding() {
    return out[layers - 1];
  }
}
