package dev.latlab.nb201.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteOk;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.ImageDataset;
import dev.latlab.nb201.NetworkSpec;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolver;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;
import org.bytedeco.tensorflowlite.TfLiteIntArray;
import org.bytedeco.tensorflowlite.TfLiteTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs emitted models in the real TFLite interpreter (XNNPACK by default) against the reference. */
class TfliteEmitterTest {
  private static final long SEED = 42;

  static List<Arch> cells() {
    return TestNetworks.cells();
  }

  @ParameterizedTest
  @MethodSource("cells")
  void toBytes_everyTestCell_matchesReferenceInTflite(Arch arch) {
    Network net = NetworkBuilder.build(arch, NetworkSpec.CIFAR10, SEED);

    Output out = runInTflite(net, SEED);

    TestNetworks.assertCloseToReference(
        arch, out.values(), ReferenceEvaluator.run(net, TestNetworks.input(net, SEED)));
  }

  @Test
  void toBytes_imageNet16Batch2_matchesReferenceWithBatchByClassesOutput() {
    NetworkSpec spec = NetworkSpec.builder()
        .resolution(ImageDataset.IMAGENET16_120.resolution())
        .classes(ImageDataset.IMAGENET16_120.classes())
        .batch(2)
        .build();
    Arch arch = Arch.parse("123412");
    Network net = NetworkBuilder.build(arch, spec, 7);

    Output out = runInTflite(net, 7);

    assertThat(out.dims()).containsExactly(2, 120);
    TestNetworks.assertCloseToReference(
        arch, out.values(), ReferenceEvaluator.run(net, TestNetworks.input(net, 7)));
  }

  @Test
  void toBytes_cifar10_namedInputAndBatchByClassesLogits() {
    Network net = NetworkBuilder.build(Arch.parse("421211"), NetworkSpec.CIFAR10, SEED);

    Output out = runInTflite(net, SEED);

    assertThat(out.dims()).containsExactly(1, 10);
    assertThat(out.inputName()).isEqualTo("input");
    assertThat(out.outputName()).isEqualTo("logits");
  }

  @Test
  void toBytes_sameSeed_identicalBytes() {
    Arch arch = Arch.parse("334131");

    byte[] first = TfliteEmitter.toBytes(NetworkBuilder.build(arch, NetworkSpec.CIFAR10, SEED));
    byte[] second = TfliteEmitter.toBytes(NetworkBuilder.build(arch, NetworkSpec.CIFAR10, SEED));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void toBytes_differentSeed_differentBytes() {
    Arch arch = Arch.parse("334131");

    byte[] first = TfliteEmitter.toBytes(NetworkBuilder.build(arch, NetworkSpec.CIFAR10, 1));
    byte[] second = TfliteEmitter.toBytes(NetworkBuilder.build(arch, NetworkSpec.CIFAR10, 2));

    assertThat(second).isNotEqualTo(first);
  }

  /** The output values, the output tensor's dimensions and the I/O tensor names. */
  private record Output(float[] values, int[] dims, String inputName, String outputName) {}

  /** Emits the network, runs it once on the seeded input (NCHW to NHWC) with one thread. */
  private static Output runInTflite(Network net, long inputSeed) {
    byte[] model = TfliteEmitter.toBytes(net);
    float[] input = TestNetworks.nchwToNhwc(TestNetworks.input(net, inputSeed), net.inputShape());
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
