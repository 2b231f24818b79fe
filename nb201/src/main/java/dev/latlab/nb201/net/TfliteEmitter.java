package dev.latlab.nb201.net;

import static java.util.Objects.requireNonNull;

import dev.latlab.nb201.Precision;

/**
 * Serialises a {@link Network} to a TFLite flatbuffer (schema version 3, one subgraph), in the
 * precision of its spec ({@link dev.latlab.nb201.NetworkSpec#precision()}).
 *
 * <p>The model is NHWC: its float32 input tensor {@code input} is {@code [N, H, W, C]} and its
 * float32 output tensor {@code logits} is {@code [N, classes]}. Convolutions become {@code CONV_2D}
 * with OHWI weights (stride-2 convolutions get an explicit {@code PAD}, because TF's SAME padding
 * is asymmetric where PyTorch's is not), average pools {@code AVERAGE_POOL_2D}, n-way sums chains of
 * {@code ADD}, per-channel affine maps {@code MUL} then {@code ADD}, the global pool {@code MEAN}
 * over H and W, and the classifier {@code FULLY_CONNECTED}. Nothing is fused, so every IR layer
 * stays visible to latency measurement. Every constant has its own 16-byte-aligned buffer.
 *
 * <p>{@link Precision#INT8} gives the same operators on int8 tensors after TFLite's 8-bit
 * quantisation spec (see {@link Int8Tensors}), between a {@code QUANTIZE} of the input and a {@code
 * DEQUANTIZE} of the logits. Activation ranges are calibrated by running {@link Calibration#BATCH}
 * seeded inputs through the {@link ReferenceEvaluator}, which makes int8 emission take about as
 * long as that many reference runs.
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
    TfliteTensors tensors = network.spec().precision() == Precision.INT8
        ? new Int8Tensors(writer, Calibration.of(network))
        : new Float32Tensors(writer);
    TfliteLayerMapper.Endpoints graph = TfliteLayerMapper.map(network, writer, tensors);
    return writer.finish(description(network), graph.input(), graph.output());
  }

  private static String description(Network network) {
    String precision = network.spec().precision() == Precision.FP32 ? "" : " int8";
    return "LatLab NB201 " + network.arch().nb201String() + precision + " seed " + network.seed();
  }
}
