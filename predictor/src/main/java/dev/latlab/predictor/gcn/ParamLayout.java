package dev.latlab.predictor.gcn;

import dev.latlab.nb201.graph.GcnEncoding;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each parameter tensor sits in the one flat array the model, its gradients and the optimiser
 * share. Per layer {@code l}: {@code gc.l.weight} ({@code in x hidden}), {@code gc.l.bias}, {@code
 * bn.l.weight} (LayerNorm gain), {@code bn.l.bias}; then {@code fc.weight} ({@code outputs x
 * inputs}, PyTorch's {@code Linear} layout) and {@code fc.bias}.
 */
final class ParamLayout {
  /** One tensor's place. */
  record Slot(String name, int offset, int[] shape) {
    int size() {
      int n = 1;
      for (int d : shape) {
        n *= d;
      }
      return n;
    }
  }

  final GcnHead head;
  final int layers;
  final int hidden;
  private final int[] gcWeight;
  private final int[] gcBias;
  private final int[] lnGain;
  private final int[] lnBias;
  private final int fcWeight;
  private final int fcBias;
  private final List<Slot> slots = new ArrayList<>();
  private int size;

  ParamLayout(GcnHead head, int layers, int hidden) {
    this.head = head;
    this.layers = layers;
    this.hidden = hidden;
    gcWeight = new int[layers];
    gcBias = new int[layers];
    lnGain = new int[layers];
    lnBias = new int[layers];
    for (int l = 0; l < layers; l++) {
      gcWeight[l] = add("gc." + l + ".weight", inputs(l), hidden);
      gcBias[l] = add("gc." + l + ".bias", hidden);
      lnGain[l] = add("bn." + l + ".weight", hidden);
      lnBias[l] = add("bn." + l + ".bias", hidden);
    }
    fcWeight = add("fc.weight", head.outputs(), head.inputs(hidden));
    fcBias = add("fc.bias", head.outputs());
  }

  private int add(String name, int... shape) {
    Slot slot = new Slot(name, size, shape);
    slots.add(slot);
    size += slot.size();
    return slot.offset();
  }

  /** Width of the input of layer {@code l}. */
  int inputs(int layer) {
    return layer == 0 ? GcnEncoding.FEATURES : hidden;
  }

  int size() {
    return size;
  }

  List<Slot> slots() {
    return slots;
  }

  int gcWeight(int layer) {
    return gcWeight[layer];
  }

  int gcBias(int layer) {
    return gcBias[layer];
  }

  int lnGain(int layer) {
    return lnGain[layer];
  }

  int lnBias(int layer) {
    return lnBias[layer];
  }

  int fcWeight() {
    return fcWeight;
  }

  int fcBias() {
    return fcBias;
  }
}
