package dev.latlab.nb201.net;

import static dev.latlab.nb201.net.OnnxProtos.integer;
import static dev.latlab.nb201.net.OnnxProtos.ints;
import static dev.latlab.nb201.net.OnnxProtos.node;

import dev.latlab.proto.onnx.OnnxProto.GraphProto;
import dev.latlab.proto.onnx.OnnxProto.NodeProto;
import java.util.List;

/**
 * Translates the layers of a {@link Network} into an ONNX graph, NCHW. Layer {@code i} becomes one
 * or more nodes whose last output is named {@code l<i>_<kind>} (the input is {@code input}, the
 * classifier's output {@code logits}); its helper tensors and initializers share that prefix. Every
 * layer's ONNX tensor has the layer's IR shape, except the classifier's, which is {@code [N,
 * classes]}. Single use: one writer per network.
 */
final class OnnxGraphWriter {
  static final String INPUT = "input";
  static final String LOGITS = "logits";

  private final Network network;
  private final GraphProto.Builder graph = GraphProto.newBuilder();
  /** The ONNX tensor holding each layer's output. */
  private final String[] names;

  private OnnxGraphWriter(Network network) {
    this.network = network;
    this.names = new String[network.layers().size()];
  }

  static GraphProto write(Network network) {
    return new OnnxGraphWriter(network).graph();
  }

  private GraphProto graph() {
    graph.setName("nb201_" + network.arch().vector());
    graph.addInput(OnnxProtos.floatValueInfo(INPUT, network.inputShape().nchw()));
    names[0] = INPUT;
    List<Layer> layers = network.layers();
    for (int i = 1; i < layers.size(); i++) {
      emit(i, layers.get(i));
    }
    Shape out = network.shape(network.outputLayer());
    graph.addOutput(OnnxProtos.floatValueInfo(LOGITS, out.batch(), out.channels()));
    return graph.build();
  }

  private void emit(int i, Layer layer) {
    if (layer instanceof Layer.Conv2d c) {
      conv(i, c);
    } else if (layer instanceof Layer.Relu r) {
      add(node("Relu", define(i, "relu"), List.of(names[r.input()])));
    } else if (layer instanceof Layer.AvgPool2d p) {
      avgPool(i, p);
    } else if (layer instanceof Layer.Add a) {
      sum(i, a);
    } else if (layer instanceof Layer.ChannelAffine a) {
      affine(i, a);
    } else if (layer instanceof Layer.GlobalAvgPool g) {
      add(node("GlobalAveragePool", define(i, "gap"), List.of(names[g.input()])));
    } else if (layer instanceof Layer.Dense d) {
      dense(i, d);
    } else {
      throw new IllegalStateException("layer " + i + " has no ONNX form: " + layer);
    }
  }

  private void conv(int i, Layer.Conv2d c) {
    String prefix = prefix(i, "conv");
    long k = c.kernel();
    long in = network.shape(c.input()).channels();
    String w = initializer(prefix + "_W", c.weights(), c.outChannels(), in, k, k);
    String b = initializer(prefix + "_B", c.bias(), c.outChannels());
    long s = c.stride();
    long p = c.padding();
    add(node("Conv", define(i, "conv"), List.of(names[c.input()], w, b),
        ints("kernel_shape", k, k), ints("strides", s, s), ints("pads", p, p, p, p)));
  }

  private void avgPool(int i, Layer.AvgPool2d pool) {
    long k = pool.kernel();
    long s = pool.stride();
    long p = pool.padding();
    add(node("AveragePool", define(i, "pool"), List.of(names[pool.input()]),
        ints("kernel_shape", k, k), ints("strides", s, s), ints("pads", p, p, p, p),
        integer("count_include_pad", 0)));
  }

  /**
   * A chain of binary Adds rather than one variadic Sum: the TFLite emitter writes binary ADDs
   * (XNNPACK delegates ADD but not ADD_N), and the latency datasets of both runtimes should time
   * the same operations. The chain adds left to right, as the reference does.
   */
  private void sum(int i, Layer.Add a) {
    int[] inputs = a.inputs();
    String acc = names[inputs[0]];
    for (int k = 1; k < inputs.length; k++) {
      String out = k == inputs.length - 1 ? define(i, "add") : prefix(i, "add") + "_" + k;
      add(node("Add", out, List.of(acc, names[inputs[k]])));
      acc = out;
    }
  }

  /** {@code x * scale + shift}, with per-channel constants of shape [C,1,1] broadcast over NCHW. */
  private void affine(int i, Layer.ChannelAffine a) {
    String prefix = prefix(i, "affine");
    long c = a.scale().length;
    String scale = initializer(prefix + "_scale", a.scale(), c, 1, 1);
    String shift = initializer(prefix + "_shift", a.shift(), c, 1, 1);
    add(node("Mul", prefix + "_mul", List.of(names[a.input()], scale)));
    add(node("Add", define(i, "affine"), List.of(prefix + "_mul", shift)));
  }

  /**
   * Flatten then Gemm. The Flatten belongs to the classifier rather than to the global pool so that
   * the pool's tensor keeps its IR shape {@code (N, C, 1, 1)}.
   */
  private void dense(int i, Layer.Dense d) {
    String prefix = prefix(i, "dense");
    long out = d.outFeatures();
    String w = initializer(prefix + "_W", d.weights(), out, d.weights().length / out);
    String b = initializer(prefix + "_B", d.bias(), out);
    add(node("Flatten", prefix + "_flat", List.of(names[d.input()]), integer("axis", 1)));
    add(node("Gemm", define(i, "dense"), List.of(prefix + "_flat", w, b), integer("transB", 1)));
  }

  private void add(NodeProto node) {
    graph.addNode(node);
  }

  private String initializer(String name, float[] values, long... dims) {
    graph.addInitializer(OnnxProtos.floatTensor(name, values, dims));
    return name;
  }

  private static String prefix(int layer, String kind) {
    return "l" + layer + "_" + kind;
  }

  /** Names the tensor holding layer {@code i}'s output: {@code logits} for the classifier. */
  private String define(int i, String kind) {
    names[i] = i == network.outputLayer() ? LOGITS : prefix(i, kind);
    return names[i];
  }
}
