package dev.latlab.nb201.net;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.NetworkSpec;
import java.util.List;

/**
 * An executable NB201 network in inference form: a topologically ordered list of layers, layer 0
 * the input and the last layer the classifier. Built by {@link NetworkBuilder}; emitted by the ONNX
 * and TFLite emitters; run by {@link ReferenceEvaluator}. Immutable.
 */
public final class Network {
  private final Arch arch;
  private final NetworkSpec spec;
  private final long seed;
  private final List<Layer> layers;
  private final List<Shape> shapes;

  Network(Arch arch, NetworkSpec spec, long seed, List<Layer> layers, List<Shape> shapes) {
    this.arch = arch;
    this.spec = spec;
    this.seed = seed;
    this.layers = List.copyOf(layers);
    this.shapes = List.copyOf(shapes);
  }

  /**
   * Returns the cell repeated in every stage.
   *
   * @return the cell
   */
  public Arch arch() {
    return arch;
  }

  /**
   * Returns the macro skeleton.
   *
   * @return the spec
   */
  public NetworkSpec spec() {
    return spec;
  }

  /**
   * Returns the seed the weights were drawn from.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the layers in topological order; layer i produces tensor i.
   *
   * @return an immutable list
   */
  public List<Layer> layers() {
    return layers;
  }

  /**
   * Returns the shape of the tensor a layer produces.
   *
   * @param layer layer index
   * @return its output shape, NCHW
   */
  public Shape shape(int layer) {
    return shapes.get(layer);
  }

  /**
   * Returns the input shape, NCHW.
   *
   * @return the shape of layer 0
   */
  public Shape inputShape() {
    return shapes.get(0);
  }

  /**
   * Returns the index of the output (classifier) layer.
   *
   * @return the last layer's index
   */
  public int outputLayer() {
    return layers.size() - 1;
  }

  /**
   * Returns the number of classifier outputs per example.
   *
   * @return classes
   */
  public int classes() {
    return shapes.get(outputLayer()).channels();
  }

  /**
   * Returns the number of stored weights of the inference form (folded convolutions, biases,
   * affine maps and classifier); not NB201's parameter count, see {@code CostModel}.
   *
   * @return number of float weights
   */
  public long weightCount() {
    long n = 0;
    for (Layer layer : layers) {
      if (layer instanceof Layer.Conv2d c) {
        n += c.weights().length + c.bias().length;
      } else if (layer instanceof Layer.ChannelAffine a) {
        n += a.scale().length + a.shift().length;
      } else if (layer instanceof Layer.Dense d) {
        n += d.weights().length + d.bias().length;
      }
    }
    return n;
  }
}
