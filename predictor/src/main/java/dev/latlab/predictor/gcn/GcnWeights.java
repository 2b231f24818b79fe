package dev.latlab.predictor.gcn;

import dev.latlab.nb201.graph.GcnEncoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * All parameters of one GCN and its head, in one flat array. Saved and restored as a list of {@link
 * NamedTensor}s (for a protobuf, say); a model copies the weights it is given, so a {@code
 * GcnWeights} never changes once built.
 */
public final class GcnWeights {
  final ParamLayout layout;
  final float[] values;

  GcnWeights(ParamLayout layout, float[] values) {
    this.layout = layout;
    this.values = values;
  }

  /**
   * Draws fresh weights as BRP-NAS does. GCN weight and bias: "thomas", uniform in {@code
   * +-1/sqrt(size(-1))} (the last dimension, here {@code hidden}); LayerNorm gain 1, bias 0; head:
   * PyTorch's {@code Linear} default, uniform in {@code +-1/sqrt(fan_in)}.
   *
   * @param head the head
   * @param layers graph convolutions
   * @param hidden embedding width
   * @param random the source of randomness, consumed in layout order
   * @return the weights
   */
  static GcnWeights initial(GcnHead head, int layers, int hidden, SplittableRandom random) {
    ParamLayout layout = new ParamLayout(head, layers, hidden);
    float[] v = new float[layout.size()];
    for (ParamLayout.Slot slot : layout.slots()) {
      int[] shape = slot.shape();
      double bound = slot.name().startsWith("fc.")
          ? 1 / Math.sqrt(head.inputs(hidden))
          : 1 / Math.sqrt(shape[shape.length - 1]);
      for (int i = slot.offset(); i < slot.offset() + slot.size(); i++) {
        v[i] = slot.name().startsWith("bn.")
            ? (slot.name().endsWith(".weight") ? 1f : 0f)
            : (float) ((random.nextDouble() * 2 - 1) * bound);
      }
    }
    return new GcnWeights(layout, v);
  }

  /**
   * Rebuilds weights from tensors, in any order. The head, the number of layers and the width are
   * read from the names and shapes.
   *
   * @param tensors exactly the tensors {@link #tensors()} returns for some model
   * @return the weights
   * @throws IllegalArgumentException naming the tensor, if one is missing, unexpected, misshapen or
   *     not finite
   */
  public static GcnWeights fromTensors(List<NamedTensor> tensors) {
    Map<String, NamedTensor> byName = new HashMap<>();
    for (NamedTensor t : tensors) {
      if (byName.put(t.name(), t) != null) {
        throw new IllegalArgumentException("tensor " + t.name() + " given twice");
      }
    }
    ParamLayout layout = inferLayout(byName);
    float[] v = new float[layout.size()];
    for (ParamLayout.Slot slot : layout.slots()) {
      NamedTensor t = byName.get(slot.name());
      if (t == null) {
        throw new IllegalArgumentException("tensor " + slot.name() + " is missing");
      }
      if (!Arrays.equals(t.shape(), slot.shape())) {
        throw new IllegalArgumentException("tensor " + slot.name() + " has shape "
            + Arrays.toString(t.shape()) + ", expected " + Arrays.toString(slot.shape()));
      }
      float[] values = t.values();
      for (float x : values) {
        if (!Float.isFinite(x)) {
          throw new IllegalArgumentException("tensor " + slot.name() + " holds " + x);
        }
      }
      System.arraycopy(values, 0, v, slot.offset(), values.length);
    }
    if (byName.size() != layout.slots().size()) {
      List<String> extra = new ArrayList<>(byName.keySet());
      layout.slots().forEach(s -> extra.remove(s.name()));
      throw new IllegalArgumentException("unexpected tensors: " + extra);
    }
    return new GcnWeights(layout, v);
  }

  private static ParamLayout inferLayout(Map<String, NamedTensor> byName) {
    NamedTensor first = byName.get("gc.0.weight");
    NamedTensor fc = byName.get("fc.weight");
    if (first == null || fc == null) {
      throw new IllegalArgumentException("tensor " + (first == null ? "gc.0.weight" : "fc.weight")
          + " is missing");
    }
    int[] firstShape = first.shape();
    if (firstShape.length != 2 || firstShape[0] != GcnEncoding.FEATURES || firstShape[1] < 1) {
      throw new IllegalArgumentException("tensor gc.0.weight has shape "
          + Arrays.toString(firstShape) + ", expected [" + GcnEncoding.FEATURES + ", hidden]");
    }
    int hidden = firstShape[1];
    int layers = 0;
    while (byName.containsKey("gc." + layers + ".weight")) {
      layers++;
    }
    GcnHead head = fc.shape()[0] == GcnHead.BINARY_RELATION.outputs()
        ? GcnHead.BINARY_RELATION
        : GcnHead.REGRESSION;
    return new ParamLayout(head, layers, hidden);
  }

  /**
   * Returns every parameter as a named tensor, in layout order.
   *
   * @return fresh copies
   */
  public List<NamedTensor> tensors() {
    List<NamedTensor> out = new ArrayList<>();
    for (ParamLayout.Slot slot : layout.slots()) {
      out.add(new NamedTensor(slot.name(), slot.shape(),
          Arrays.copyOfRange(values, slot.offset(), slot.offset() + slot.size())));
    }
    return out;
  }

  /**
   * Returns a deep copy.
   *
   * @return weights equal to these, sharing nothing
   */
  public GcnWeights copy() {
    return new GcnWeights(layout, values.clone());
  }

  /**
   * Returns the head.
   *
   * @return the head
   */
  public GcnHead head() {
    return layout.head;
  }

  /**
   * Returns the number of graph convolutions.
   *
   * @return layers
   */
  public int layers() {
    return layout.layers;
  }

  /**
   * Returns the embedding width.
   *
   * @return hidden
   */
  public int hidden() {
    return layout.hidden;
  }

  /**
   * Returns the number of scalar parameters.
   *
   * @return the count
   */
  public int parameterCount() {
    return values.length;
  }

  /**
   * The weights training starts from: {@code init} if given (after checking it fits), else a fresh
   * draw. The generator is split either way, so that the rest of training sees the same randomness
   * with or without {@code init}.
   */
  static GcnWeights startFrom(GcnHead head, GcnOptions options, GcnWeights init,
      SplittableRandom random) {
    SplittableRandom initRandom = random.split();
    if (init == null) {
      return initial(head, options.layers(), options.hidden(), initRandom);
    }
    init.checkFits(head, options);
    return init;
  }

  /** Checks that weights fit the model the options describe. */
  void checkFits(GcnHead head, GcnOptions options) {
    if (layout.head != head || layout.layers != options.layers()
        || layout.hidden != options.hidden()) {
      throw new IllegalArgumentException("weights are a " + describe(layout.head, layout.layers,
          layout.hidden) + " model, the options ask for " + describe(head, options.layers(),
          options.hidden()));
    }
  }

  private static String describe(GcnHead head, int layers, int hidden) {
    return head + " " + layers + "x" + hidden;
  }
}
