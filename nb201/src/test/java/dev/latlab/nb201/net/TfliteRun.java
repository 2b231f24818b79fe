package dev.latlab.nb201.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteOk;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolver;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;
import org.bytedeco.tensorflowlite.TfLiteIntArray;
import org.bytedeco.tensorflowlite.TfLiteTensor;

/** Runs emitted models once in the real TFLite interpreter (XNNPACK by default), one thread. */
final class TfliteRun {
  /** The output values, the output tensor's dimensions and the I/O tensor names. */
  record Output(float[] values, int[] dims, String inputName, String outputName) {}

  private TfliteRun() {}

  /** Emits the network and runs it on the seeded input {@link TestNetworks#input}. */
  static Output run(Network net, long inputSeed) {
    return run(TfliteEmitter.toBytes(net), net, TestNetworks.input(net, inputSeed));
  }

  /** Runs a model of {@code net} on an NCHW input (converted to NHWC here). */
  static Output run(byte[] model, Network net, float[] nchw) {
    float[] input = TestNetworks.nchwToNhwc(nchw, net.inputShape());
    // Closed in reverse order: the interpreter before the model it reads and the bytes it maps.
    try (BytePointer bytes = new BytePointer(model);
        FlatBufferModel flatBuffer = FlatBufferModel.BuildFromBuffer(bytes, model.length);
        BuiltinOpResolver resolver = new BuiltinOpResolver();
        InterpreterBuilder builder = new InterpreterBuilder(flatBuffer, resolver);
        Interpreter interpreter = new Interpreter((Pointer) null)) {
      assertThat(flatBuffer).isNotNull();
      assertThat(flatBuffer.isNull()).as("model parses").isFalse();
      assertThat(builder.SetNumThreads(1)).isEqualTo(kTfLiteOk);
      assertThat(builder.apply(interpreter)).as("interpreter builds").isEqualTo(kTfLiteOk);
      assertThat(interpreter.AllocateTensors()).as("tensors allocate").isEqualTo(kTfLiteOk);
      interpreter.typed_input_tensor_float(0).put(input);
      assertThat(interpreter.Invoke()).as("invoke").isEqualTo(kTfLiteOk);
      return read(interpreter);
    }
  }

  private static Output read(Interpreter interpreter) {
    TfLiteTensor tensor = interpreter.output_tensor(0);
    TfLiteIntArray shape = tensor.dims();
    int[] dims = new int[shape.size()];
    int count = 1;
    for (int d = 0; d < dims.length; d++) {
      dims[d] = shape.data(d);
      count *= dims[d];
    }
    float[] values = new float[count];
    interpreter.typed_output_tensor_float(0).get(values);
    return new Output(values, dims, interpreter.input_tensor(0).name().getString(),
        tensor.name().getString());
  }
}
