package dev.latlab.nb201.net;

import static java.util.Objects.requireNonNull;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.Precision;
import dev.latlab.proto.onnx.OnnxProto.ModelProto;
import dev.latlab.proto.onnx.OnnxProto.OperatorSetIdProto;
import dev.latlab.proto.onnx.OnnxProto.StringStringEntryProto;
import java.util.List;

/**
 * Writes a {@link Network} as an ONNX model (opset 13, NCHW) for ONNX Runtime.
 *
 * <p>The graph has one float input {@code input} of shape {@code [N, C, H, W]} and one float output
 * {@code logits} of shape {@code [N, classes]}. Weights are initializers stored as little-endian
 * raw data. The model's {@code metadata_props} carry the cell ({@code arch}, {@code arch_vector},
 * {@code arch_index}), the weight {@code seed} and the {@code spec}. The output is deterministic:
 * the same network gives the same bytes.
 */
public final class OnnxEmitter {
  /** The ONNX operator set the graph is written against. */
  static final int OPSET = 13;

  /**
   * IR version 7 is the one ONNX 1.8 released together with opset 13, so any runtime that runs
   * opset 13 loads it, including the older ONNX Runtime builds found on phones; the graph uses
   * nothing from IR 8 (ONNX 1.10). IR >= 4 also lets initializers stay out of the graph inputs.
   */
  static final long IR_VERSION = 7;

  static final String PRODUCER = "latlab";
  private static final String PRODUCER_VERSION = producerVersion();

  private OnnxEmitter() {}

  /**
   * Builds the ONNX model of a network.
   *
   * @param network the network
   * @return the model
   * @throws NullPointerException if {@code network} is null
   * @throws IllegalArgumentException if the network's precision is not float32 (LatLab quantises
   *     for TFLite only)
   */
  public static ModelProto toModel(Network network) {
    requireNonNull(network, "network");
    if (network.spec().precision() != Precision.FP32) {
      throw new IllegalArgumentException("ONNX networks are float32 only: precision "
          + network.spec().precision() + " needs the TFLite format");
    }
    Arch arch = network.arch();
    return ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName(PRODUCER)
        .setProducerVersion(PRODUCER_VERSION)
        .setDocString("NB201 network of cell " + arch.vector() + " (index " + arch.index()
            + "), weight seed " + network.seed() + ": " + arch.nb201String())
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setGraph(OnnxGraphWriter.write(network))
        .addAllMetadataProps(metadata(network))
        .build();
  }

  /**
   * Serialises the ONNX model of a network, ready for {@code OrtEnvironment.createSession}.
   *
   * @param network the network
   * @return the serialised {@code ModelProto}
   * @throws NullPointerException if {@code network} is null
   * @throws IllegalArgumentException if the network's precision is not float32
   */
  public static byte[] toBytes(Network network) {
    return toModel(network).toByteArray();
  }

  private static List<StringStringEntryProto> metadata(Network network) {
    Arch arch = network.arch();
    return List.of(
        entry("arch", arch.nb201String()),
        entry("arch_vector", arch.vector()),
        entry("arch_index", Integer.toString(arch.index())),
        entry("seed", Long.toString(network.seed())),
        entry("spec", network.spec().toString()));
  }

  private static StringStringEntryProto entry(String key, String value) {
    return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
  }

  /** The jar manifest's version; classes run from a directory (tests) have none. */
  private static String producerVersion() {
    String version = OnnxEmitter.class.getPackage().getImplementationVersion();
    return version != null ? version : "0.1.0";
  }
}
