package dev.latlab.nb201.net;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tensorflow.lite.schema.Buffer;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.OperatorCode;
import org.tensorflow.lite.schema.QuantizationParameters;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.Tensor;
import org.tensorflow.lite.schema.TensorType;

/**
 * Writes the plumbing of a single-subgraph TFLite model straight into a {@link FlatBufferBuilder}:
 * buffers, tensors, operator codes and operators, then the model table. Constant data is written
 * in place into the builder (no intermediate {@code byte[]}), which is what keeps emission fast.
 * One instance per model; not thread-safe.
 */
final class TfliteModelWriter {
  /** TFLite schema version written into every model. */
  private static final int SCHEMA_VERSION = 3;
  /** Constant data is aligned so that runtimes can read it in place with SIMD loads. */
  private static final int DATA_ALIGNMENT = 16;
  /** Room for tables, names and alignment beyond the weights themselves. */
  private static final int OVERHEAD_BYTES = 1 << 16;
  private static final int OVERHEAD_BYTES_PER_LAYER = 1024;

  private final FlatBufferBuilder builder;
  private final List<Integer> buffers = new ArrayList<>();
  private final List<Integer> tensors = new ArrayList<>();
  private final List<Integer> operators = new ArrayList<>();
  /** Builtin operator code and version to its index in operator_codes, in first-use order. */
  private final Map<OpCode, Integer> opcodes = new LinkedHashMap<>();

  /** One entry of operator_codes: an operator kernel, and the version its tensor types need. */
  private record OpCode(int builtin, int version) {}

  /**
   * Creates a writer sized for the given number of float weights (int8 models need less), so the
   * builder rarely grows.
   *
   * @throws IllegalArgumentException if the weights cannot fit a flatbuffer (2 GiB)
   */
  TfliteModelWriter(long floatCount, int layerCount) {
    long capacity =
        floatCount * Float.BYTES + OVERHEAD_BYTES + (long) layerCount * OVERHEAD_BYTES_PER_LAYER;
    if (capacity > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          floatCount + " weights do not fit a 2 GiB TFLite flatbuffer");
    }
    this.builder = new FlatBufferBuilder((int) capacity);
    Buffer.startBuffer(builder);
    buffers.add(Buffer.endBuffer(builder)); // buffer 0: the empty sentinel TFLite requires
  }

  /** Returns the builder, for the caller to create operator options tables. */
  FlatBufferBuilder builder() {
    return builder;
  }

  /** Adds a float32 constant tensor holding {@code values} as they are; returns its index. */
  int floatConstant(String name, int[] shape, float[] values) {
    return floatConstant(name, shape, values.length, out -> out.put(values));
  }

  /**
   * Adds a float32 constant tensor of {@code count} values that {@code fill} writes in order into
   * the model's own buffer; returns the tensor's index.
   */
  int floatConstant(String name, int[] shape, int count, Consumer<FloatBuffer> fill) {
    ByteBuffer data = builder.createUnintializedVector(1, count * Float.BYTES, DATA_ALIGNMENT);
    fill.accept(data.asFloatBuffer());
    return constant(name, shape, TensorType.FLOAT32, builder.endVector(), null);
  }

  /**
   * Adds a quantised int8 constant tensor of {@code count} values that {@code fill} writes in order
   * into the model's own buffer; returns the tensor's index.
   */
  int int8Constant(String name, int[] shape, int count, Quantization q, Consumer<ByteBuffer> fill) {
    ByteBuffer data = builder.createUnintializedVector(1, count, DATA_ALIGNMENT);
    fill.accept(data);
    return constant(name, shape, TensorType.INT8, builder.endVector(), q);
  }

  /** Adds an int32 constant tensor (shapes, axes); returns its index. */
  int intConstant(String name, int[] shape, int[] values) {
    return intConstant(name, shape, values, null);
  }

  /** Adds an int32 constant, quantised unless {@code q} is null (a bias); returns its index. */
  int intConstant(String name, int[] shape, int[] values, Quantization q) {
    ByteBuffer data =
        builder.createUnintializedVector(1, values.length * Integer.BYTES, DATA_ALIGNMENT);
    data.asIntBuffer().put(values);
    return constant(name, shape, TensorType.INT32, builder.endVector(), q);
  }

  /** Adds a float32 tensor computed at run time (no data); returns its index. */
  int activation(String name, int[] shape) {
    return tensor(name, shape, TensorType.FLOAT32, 0, null);
  }

  /** Adds an int8 tensor computed at run time with quantisation {@code q}; returns its index. */
  int int8Activation(String name, int[] shape, Quantization q) {
    return tensor(name, shape, TensorType.INT8, 0, q);
  }

  /**
   * Appends an operator; operators must be appended in execution order.
   *
   * @param builtin a {@code BuiltinOperator} code
   * @param version the kernel version the operator's tensor types need (1 for float32)
   * @param optionsType a {@code BuiltinOptions} type, or {@code BuiltinOptions.NONE}
   * @param options the options table, created beforehand; ignored for {@code NONE}
   */
  void operator(
      int builtin, int version, byte optionsType, int options, int[] inputs, int output) {
    int in = Operator.createInputsVector(builder, inputs);
    int out = Operator.createOutputsVector(builder, new int[] {output});
    Operator.startOperator(builder);
    int opcode = opcodes.computeIfAbsent(new OpCode(builtin, version), k -> opcodes.size());
    Operator.addOpcodeIndex(builder, opcode);
    Operator.addInputs(builder, in);
    Operator.addOutputs(builder, out);
    if (optionsType != BuiltinOptions.NONE) {
      Operator.addBuiltinOptionsType(builder, optionsType);
      Operator.addBuiltinOptions(builder, options);
    }
    operators.add(Operator.endOperator(builder));
  }

  /**
   * Writes the subgraph and the model table and returns the finished flatbuffer.
   *
   * @param description the model's description string
   * @param input the subgraph's input tensor
   * @param output the subgraph's output tensor
   */
  byte[] finish(String description, int input, int output) {
    int subgraph = subgraph(input, output);
    int codes = Model.createOperatorCodesVector(builder, operatorCodes());
    int subgraphs = Model.createSubgraphsVector(builder, new int[] {subgraph});
    int bufferVector = Model.createBuffersVector(builder, toArray(buffers));
    int text = builder.createString(description);
    Model.startModel(builder);
    Model.addVersion(builder, SCHEMA_VERSION);
    Model.addOperatorCodes(builder, codes);
    Model.addSubgraphs(builder, subgraphs);
    Model.addDescription(builder, text);
    Model.addBuffers(builder, bufferVector);
    Model.finishModelBuffer(builder, Model.endModel(builder));
    return builder.sizedByteArray();
  }

  private int constant(String name, int[] shape, byte type, int dataVector, Quantization q) {
    buffers.add(Buffer.createBuffer(builder, dataVector));
    return tensor(name, shape, type, buffers.size() - 1, q);
  }

  private int tensor(String name, int[] shape, byte type, int buffer, Quantization q) {
    int nameOffset = builder.createString(name);
    int shapeOffset = Tensor.createShapeVector(builder, shape);
    int quantization = q == null ? 0 : quantization(q);
    Tensor.startTensor(builder);
    Tensor.addShape(builder, shapeOffset);
    Tensor.addType(builder, type);
    Tensor.addBuffer(builder, buffer);
    Tensor.addName(builder, nameOffset);
    if (q != null) {
      Tensor.addQuantization(builder, quantization);
    }
    tensors.add(Tensor.endTensor(builder));
    return tensors.size() - 1;
  }

  private int quantization(Quantization q) {
    int scale = QuantizationParameters.createScaleVector(builder, q.scales());
    int zeroPoint = QuantizationParameters.createZeroPointVector(builder, q.zeroPoints());
    QuantizationParameters.startQuantizationParameters(builder);
    QuantizationParameters.addScale(builder, scale);
    QuantizationParameters.addZeroPoint(builder, zeroPoint);
    QuantizationParameters.addQuantizedDimension(builder, q.dimension());
    return QuantizationParameters.endQuantizationParameters(builder);
  }

  private int subgraph(int input, int output) {
    int tensorVector = SubGraph.createTensorsVector(builder, toArray(tensors));
    int inputs = SubGraph.createInputsVector(builder, new int[] {input});
    int outputs = SubGraph.createOutputsVector(builder, new int[] {output});
    int operatorVector = SubGraph.createOperatorsVector(builder, toArray(operators));
    int name = builder.createString("main");
    return SubGraph.createSubGraph(builder, tensorVector, inputs, outputs, operatorVector, name);
  }

  /** Both code fields are set: old runtimes read the byte, new ones the int (codes above 127). */
  private int[] operatorCodes() {
    int[] codes = new int[opcodes.size()];
    for (Map.Entry<OpCode, Integer> e : opcodes.entrySet()) {
      int code = e.getKey().builtin();
      codes[e.getValue()] = OperatorCode.createOperatorCode(
          builder, (byte) Math.min(code, 127), 0, e.getKey().version(), code);
    }
    return codes;
  }

  private static int[] toArray(List<Integer> offsets) {
    int[] array = new int[offsets.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = offsets.get(i);
    }
    return array;
  }
}
