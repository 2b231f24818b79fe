package dev.latlab.nb201.net;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.NetworkSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Appends layers with their shapes and weights; each method returns the new layer's index. */
final class GraphBuilder {
  private final NetworkSpec spec;
  private final WeightGenerator weights;
  private final List<Layer> layers = new ArrayList<>();
  private final List<Shape> shapes = new ArrayList<>();
  /** One ReLU per tensor, shared by every conv that reads it. */
  private final Map<Integer, Integer> reluOf = new HashMap<>();

  GraphBuilder(NetworkSpec spec, WeightGenerator weights) {
    this.spec = spec;
    this.weights = weights;
  }

  Shape shape(int layer) {
    return shapes.get(layer);
  }

  int input() {
    int r = spec.resolution();
    return append(new Layer.Input(), new Shape(spec.batch(), spec.inputChannels(), r, r));
  }

  int conv(int input, int out, int kernel, int stride, int padding, boolean batchNorm) {
    Shape in = shape(input);
    float[][] wb = batchNorm
        ? weights.foldedConv(out, in.channels(), kernel)
        : weights.plainConv(out, in.channels(), kernel);
    int h = (in.height() + 2 * padding - kernel) / stride + 1;
    int w = (in.width() + 2 * padding - kernel) / stride + 1;
    return append(new Layer.Conv2d(input, out, kernel, stride, padding, wb[0], wb[1]),
        new Shape(in.batch(), out, h, w));
  }

  int relu(int input) {
    Integer existing = reluOf.get(input);
    if (existing != null) {
      return existing;
    }
    int layer = append(new Layer.Relu(input), shape(input));
    reluOf.put(input, layer);
    return layer;
  }

  int avgPool(int input, int kernel, int stride, int padding) {
    Shape in = shape(input);
    int h = (in.height() + 2 * padding - kernel) / stride + 1;
    int w = (in.width() + 2 * padding - kernel) / stride + 1;
    return append(new Layer.AvgPool2d(input, kernel, stride, padding),
        new Shape(in.batch(), in.channels(), h, w));
  }

  int add(int[] inputs) {
    return append(new Layer.Add(inputs), shape(inputs[0]));
  }

  int batchNorm(int input) {
    float[][] ss = weights.batchNorm(shape(input).channels());
    return append(new Layer.ChannelAffine(input, ss[0], ss[1]), shape(input));
  }

  /** NB201's {@code Zero} op: the input times zero, same shape. */
  int zero(int input) {
    int c = shape(input).channels();
    return append(new Layer.ChannelAffine(input, new float[c], new float[c]), shape(input));
  }

  int globalAvgPool(int input) {
    Shape in = shape(input);
    return append(new Layer.GlobalAvgPool(input), new Shape(in.batch(), in.channels(), 1, 1));
  }

  int dense(int input, int out) {
    Shape in = shape(input);
    float[][] wb = weights.dense(out, in.channels());
    return append(new Layer.Dense(input, out, wb[0], wb[1]), new Shape(in.batch(), out, 1, 1));
  }

  Network toNetwork(Arch arch, long seed) {
    return new Network(arch, spec, seed, layers, shapes);
  }

  private int append(Layer layer, Shape shape) {
    layers.add(layer);
    shapes.add(shape);
    return layers.size() - 1;
  }
}
