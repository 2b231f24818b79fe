package dev.latlab.nb201.net;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.ModelT;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.SubGraphT;
import org.tensorflow.lite.schema.TensorT;

/** An emitted {@code .tflite} model read back through the schema's object API. */
final class ParsedTflite {
  private final ModelT model;
  private final SubGraphT graph;

  private ParsedTflite(ModelT model) {
    this.model = model;
    this.graph = model.getSubgraphs()[0];
  }

  static ParsedTflite of(byte[] bytes) {
    return new ParsedTflite(Model.getRootAsModel(ByteBuffer.wrap(bytes)).unpack());
  }

  List<OperatorT> operators() {
    return List.of(graph.getOperators());
  }

  /** The operators of one builtin kind, in execution order. */
  List<OperatorT> operators(int builtin) {
    return operators().stream().filter(op -> builtin(op) == builtin).toList();
  }

  /** The builtin codes of every operator, in execution order. */
  List<Integer> builtins() {
    return operators().stream().map(this::builtin).toList();
  }

  int builtin(OperatorT op) {
    return model.getOperatorCodes()[(int) op.getOpcodeIndex()].getBuiltinCode();
  }

  int version(OperatorT op) {
    return model.getOperatorCodes()[(int) op.getOpcodeIndex()].getVersion();
  }

  TensorT tensor(int index) {
    return graph.getTensors()[index];
  }

  TensorT input(OperatorT op, int i) {
    return tensor(op.getInputs()[i]);
  }

  TensorT output(OperatorT op) {
    return tensor(op.getOutputs()[0]);
  }

  TensorT graphInput() {
    return tensor(graph.getInputs()[0]);
  }

  TensorT graphOutput() {
    return tensor(graph.getOutputs()[0]);
  }

  /** Whether a tensor is computed at run time (it has no data of its own). */
  boolean isActivation(TensorT t) {
    return t.getBuffer() == 0;
  }

  /** The values of an int8 constant. */
  byte[] int8Data(TensorT t) {
    int[] data = model.getBuffers()[(int) t.getBuffer()].getData();
    byte[] values = new byte[data.length];
    for (int i = 0; i < data.length; i++) {
      values[i] = (byte) data[i];
    }
    return values;
  }

  /** The values of an int32 constant (little-endian, as flatbuffers store them). */
  int[] int32Data(TensorT t) {
    byte[] bytes = int8Data(t);
    int[] values = new int[bytes.length / Integer.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(values);
    return values;
  }

  /** Scale, zero point and dimension of a tensor, for comparing two tensors' quantisation. */
  static String quantization(TensorT t) {
    var q = t.getQuantization();
    return q == null ? "none" : Arrays.toString(q.getScale()) + " "
        + Arrays.toString(q.getZeroPoint()) + " dim " + q.getQuantizedDimension();
  }
}
