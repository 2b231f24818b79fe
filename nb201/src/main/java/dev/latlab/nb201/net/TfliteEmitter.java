package dev.latlab.nb201.net;

import static java.util.Objects.requireNonNull;

/**
 * Serialises a {@link Network} to a float32 TFLite flatbuffer (schema version 3, one subgraph).
 *
 * <p>The model is NHWC: its input tensor {@code input} is {@code [N, H, W, C]} and its output
 * tensor {@code logits} is {@code [N, classes]}. Convolutions become {@code CONV_2D} with OHWI
 * weights (stride-2 convolutions get an explicit {@code PAD}, because TF's SAME padding is
 * asymmetric where PyTorch's is not), average pools {@code AVERAGE_POOL_2D}, n-way sums chains of
 * {@code ADD}, per-channel affine maps {@code MUL} then {@code ADD}, the global pool {@code MEAN}
 * over H and W, and the classifier {@code FULLY_CONNECTED}. Nothing is fused, so every IR layer
 * stays visible to latency measurement. Every constant has its own 16-byte-aligned buffer.
 *
 * <p>The output depends only on the network: the same arch, spec and seed give the same bytes.
 */
public final class TfliteEmitter {
  private TfliteEmitter() {}

  /**
   * Serialises a network to a {@code .tflite} flatbuffer.
   *
   * @param network the network
   * @return the model's bytes
   * @throws NullPointerException if {@code network} is null
   * @throws IllegalArgumentException if a layer has no TFLite equivalent (an average pool whose
   *     padding is neither 0 nor SAME) or the weights exceed the 2 GiB flatbuffer limit
   */
  public static byte[] toBytes(Network network) {
    requireNonNull(network, "network");
    TfliteModelWriter writer =
        new TfliteModelWriter(network.weightCount(), network.layers().size());
    int[] tensorOf = TfliteLayerMapper.map(network, writer);
    return writer.finish(description(network), tensorOf[0], tensorOf[network.outputLayer()]);
  }

  private static String description(Network network) {
    return "LatLab NB201 " + network.arch().nb201String() + " seed " + network.seed();
  }
}
