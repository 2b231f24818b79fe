package dev.latlab.nb201.net;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The value range of every tensor an int8 TFLite graph holds, observed by running a seeded batch of
 * inputs through the {@link ReferenceEvaluator}: the output of every layer, the partial sums of
 * n-way adds and the products of affine maps (see {@link ActivationKey}). Ranges are the plain
 * minimum and maximum over the batch, as TFLite's post-training calibration records them.
 */
final class Calibration {
  /**
   * Inputs in the calibration batch. Eight seeded images cover the standard-normal input range to
   * about 4.5 sigma and cost about 2.5 s of reference evaluation for the largest cell.
   */
  static final int BATCH = 8;

  /** Separates calibration inputs from the seeded inputs agents time with. */
  private static final long SEED_SALT = 0x6361_6c69_6272_6174L;

  private final Map<ActivationKey, ValueRange> ranges = new HashMap<>();

  private Calibration() {}

  /**
   * Calibrates a network on {@link #BATCH} standard-normal inputs drawn from its weight seed, so
   * the same network always gets the same ranges.
   */
  static Calibration of(Network network) {
    List<float[]> inputs = new ArrayList<>();
    long seed = network.seed() ^ SEED_SALT;
    for (int i = 0; i < BATCH; i++) {
      inputs.add(SeededNormal.sample(network.inputShape().size(), seed + i));
    }
    return of(network, inputs);
  }

  /** Calibrates a network on the given NCHW inputs. */
  static Calibration of(Network network, List<float[]> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("calibration needs at least one input");
    }
    Calibration calibration = new Calibration();
    for (float[] input : inputs) {
      calibration.observe(network, ReferenceEvaluator.activations(network, input));
    }
    return calibration;
  }

  /**
   * Returns the observed range of a value.
   *
   * @throws IllegalArgumentException if the value was never observed (not a tensor of the graph)
   */
  ValueRange range(ActivationKey key) {
    ValueRange range = ranges.get(key);
    if (range == null) {
      throw new IllegalArgumentException("no calibrated range for " + key);
    }
    return range;
  }

  private void observe(Network network, float[][] tensors) {
    for (int i = 0; i < tensors.length; i++) {
      widen(ActivationKey.output(i), tensors[i]);
      Layer layer = network.layers().get(i);
      if (layer instanceof Layer.Add a) {
        observePartialSums(i, a.inputs(), tensors);
      } else if (layer instanceof Layer.ChannelAffine a) {
        observeScaled(i, a.scale(), tensors[a.input()], network.shape(i));
      }
    }
  }

  /** The sums of the first 2, 3, ... n-1 inputs: the intermediate tensors of an ADD chain. */
  private void observePartialSums(int layer, int[] inputs, float[][] tensors) {
    float[] sum = tensors[inputs[0]].clone();
    for (int k = 1; k < inputs.length - 1; k++) {
      float[] term = tensors[inputs[k]];
      for (int j = 0; j < sum.length; j++) {
        sum[j] += term[j];
      }
      widen(ActivationKey.partialSum(layer, k + 1), sum);
    }
  }

  private void observeScaled(int layer, float[] scale, float[] x, Shape shape) {
    float[] scaled = new float[x.length];
    int plane = shape.height() * shape.width();
    for (int j = 0; j < x.length; j++) {
      scaled[j] = x[j] * scale[(j / plane) % shape.channels()];
    }
    widen(ActivationKey.scaled(layer), scaled);
  }

  private void widen(ActivationKey key, float[] values) {
    ranges.merge(key, ValueRange.of(values), ValueRange::union);
  }
}
