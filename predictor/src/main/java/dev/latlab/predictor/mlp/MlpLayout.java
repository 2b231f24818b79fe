package dev.latlab.predictor.mlp;

import dev.latlab.predictor.gcn.NamedTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where each parameter of an MLP sits in one flat array (so AdamW updates them all at once): per
 * dense layer its {@code in x hidden} weight (row-major) then its bias, then the output weight
 * ({@code hidden}) and bias.
 */
final class MlpLayout {
  final int inputs;
  final int hidden;
  final int layers;
  private final int[] weight;
  private final int[] bias;
  final int outWeight;
  final int outBias;

  MlpLayout(int inputs, int hidden, int layers) {
    this.inputs = inputs;
    this.hidden = hidden;
    this.layers = layers;
    weight = new int[layers];
    bias = new int[layers];
    int at = 0;
    for (int l = 0; l < layers; l++) {
      weight[l] = at;
      at += in(l) * hidden;
      bias[l] = at;
      at += hidden;
    }
    outWeight = at;
    outBias = at + hidden;
  }

  int in(int layer) {
    return layer == 0 ? inputs : hidden;
  }

  int weight(int layer) {
    return weight[layer];
  }

  int bias(int layer) {
    return bias[layer];
  }

  int size() {
    return outBias + 1;
  }

  /** PyTorch's nn.Linear default: weight and bias uniform in +-1/sqrt(fan_in). */
  float[] initialise(SplittableRandom random) {
    float[] p = new float[size()];
    for (int l = 0; l < layers; l++) {
      fill(p, weight[l], bias[l] + hidden, 1 / Math.sqrt(in(l)), random);
    }
    fill(p, outWeight, outBias + 1, 1 / Math.sqrt(hidden), random);
    return p;
  }

  private static void fill(float[] p, int from, int to, double bound, SplittableRandom random) {
    for (int i = from; i < to; i++) {
      p[i] = (float) ((2 * random.nextDouble() - 1) * bound);
    }
  }

  List<NamedTensor> toTensors(float[] p) {
    List<NamedTensor> tensors = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      tensors.add(slice("dense" + l + ".weight", p, weight[l], in(l), hidden));
      tensors.add(slice("dense" + l + ".bias", p, bias[l], hidden));
    }
    tensors.add(slice("out.weight", p, outWeight, hidden, 1));
    tensors.add(slice("out.bias", p, outBias, 1));
    return tensors;
  }

  float[] fromTensors(List<NamedTensor> tensors) {
    List<NamedTensor> expected = toTensors(new float[size()]);
    if (tensors.size() != expected.size()) {
      throw new IllegalArgumentException("MLP weights: " + tensors.size() + " tensors, expected "
          + expected.size());
    }
    float[] p = new float[size()];
    int at = 0;
    for (int i = 0; i < tensors.size(); i++) {
      NamedTensor t = tensors.get(i);
      NamedTensor e = expected.get(i);
      if (!t.name().equals(e.name()) || !java.util.Arrays.equals(t.shape(), e.shape())) {
        throw new IllegalArgumentException("MLP weights: tensor " + t.name() + " does not fit "
            + e.name() + " " + java.util.Arrays.toString(e.shape()));
      }
      System.arraycopy(t.values(), 0, p, at, t.values().length);
      at += t.values().length;
    }
    return p;
  }

  private static NamedTensor slice(String name, float[] p, int from, int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return new NamedTensor(name, shape, java.util.Arrays.copyOfRange(p, from, from + n));
  }
}
