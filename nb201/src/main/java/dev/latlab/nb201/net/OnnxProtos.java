package dev.latlab.nb201.net;

import com.google.protobuf.UnsafeByteOperations;
import dev.latlab.proto.onnx.OnnxProto.AttributeProto;
import dev.latlab.proto.onnx.OnnxProto.NodeProto;
import dev.latlab.proto.onnx.OnnxProto.TensorProto;
import dev.latlab.proto.onnx.OnnxProto.TensorShapeProto;
import dev.latlab.proto.onnx.OnnxProto.TypeProto;
import dev.latlab.proto.onnx.OnnxProto.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/** Factories for the few ONNX protobuf messages the {@link OnnxEmitter} writes. */
final class OnnxProtos {
  private OnnxProtos() {}

  /** A node named after its single output. */
  static NodeProto node(
      String opType, String output, List<String> inputs, AttributeProto... attributes) {
    return NodeProto.newBuilder()
        .setName(output)
        .setOpType(opType)
        .addAllInput(inputs)
        .addOutput(output)
        .addAllAttribute(Arrays.asList(attributes))
        .build();
  }

  static AttributeProto ints(String name, long... values) {
    AttributeProto.Builder attribute =
        AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long v : values) {
      attribute.addInts(v);
    }
    return attribute.build();
  }

  static AttributeProto integer(String name, long value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.INT)
        .setI(value)
        .build();
  }

  /**
   * A float tensor stored as little-endian raw_data. One bulk copy into a buffer that protobuf then
   * wraps without copying: adding 1.5 M floats one by one to the repeated float_data field would be
   * several times slower, and the emitter must keep up with the benchmark's model rate.
   */
  static TensorProto floatTensor(String name, float[] values, long... dims) {
    ByteBuffer bytes =
        ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    TensorProto.Builder tensor =
        TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
    for (long d : dims) {
      tensor.addDims(d);
    }
    // The array is fresh and never written again, so sharing it with the ByteString is safe.
    return tensor.setRawData(UnsafeByteOperations.unsafeWrap(bytes.array())).build();
  }

  /** A float tensor's name, element type and fixed shape, for graph inputs and outputs. */
  static ValueInfoProto floatValueInfo(String name, long... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long d : dims) {
      shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    TypeProto.Tensor tensor =
        TypeProto.Tensor.newBuilder()
            .setElemType(TensorProto.DataType.FLOAT_VALUE)
            .setShape(shape)
            .build();
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(TypeProto.newBuilder().setTensorType(tensor))
        .build();
  }
}
