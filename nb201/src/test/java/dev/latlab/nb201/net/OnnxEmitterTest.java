package dev.latlab.nb201.net;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.ImageDataset;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.proto.onnx.OnnxProto.GraphProto;
import dev.latlab.proto.onnx.OnnxProto.ModelProto;
import dev.latlab.proto.onnx.OnnxProto.NodeProto;
import dev.latlab.proto.onnx.OnnxProto.StringStringEntryProto;
import dev.latlab.proto.onnx.OnnxProto.TensorProto;
import dev.latlab.proto.onnx.OnnxProto.ValueInfoProto;
import java.nio.FloatBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the emitted models in the real ONNX Runtime against the reference evaluator. */
class OnnxEmitterTest {
  private static final long SEED = 42;
  /** A cell with every op, for the tests that need one network. */
  private static final Arch MIXED = Arch.parse("123412");
  /** A process-wide singleton whose close() is a no-op, so it is never closed. */
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

  static List<Arch> cells() {
    return TestNetworks.cells();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cells")
  void toBytes_everyCell_matchesReference(Arch arch) throws OrtException {
    assertRuntimeMatchesReference(NetworkBuilder.build(arch, NetworkSpec.CIFAR10, SEED));
  }

  @Test
  void toBytes_imagenet16Spec_matchesReference() throws OrtException {
    NetworkSpec spec = NetworkSpec.of(ImageDataset.IMAGENET16_120);
    assertRuntimeMatchesReference(NetworkBuilder.build(MIXED, spec, SEED));
  }

  @Test
  void toBytes_batchTwo_matchesReference() throws OrtException {
    NetworkSpec spec = NetworkSpec.builder().batch(2).build();
    assertRuntimeMatchesReference(NetworkBuilder.build(MIXED, spec, SEED));
  }

  @Test
  void toBytes_cifar10_sessionReportsInputAndLogits() throws OrtException {
    Network net = NetworkBuilder.build(MIXED, NetworkSpec.CIFAR10, SEED);
    try (OrtSession.SessionOptions options = options();
        OrtSession session = ENV.createSession(OnnxEmitter.toBytes(net), options)) {
      assertThat(session.getInputNames()).containsExactly("input");
      assertThat(session.getOutputNames()).containsExactly("logits");
      assertFloatTensor((TensorInfo) session.getInputInfo().get("input").getInfo(), 1, 3, 32, 32);
      assertFloatTensor((TensorInfo) session.getOutputInfo().get("logits").getInfo(), 1, 10);
    }
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cells")
  void toModel_everyCell_isWellFormedOpset13(Arch arch) {
    ModelProto model = OnnxEmitter.toModel(NetworkBuilder.build(arch, NetworkSpec.CIFAR10, SEED));
    assertThat(model.getIrVersion()).isEqualTo(7);
    assertThat(model.getOpsetImportList()).singleElement().satisfies(opset -> {
      assertThat(opset.getDomain()).isEmpty();
      assertThat(opset.getVersion()).isEqualTo(13);
    });
    assertTopologicallyOrdered(model.getGraph());
    assertThat(model.getGraph().getOutputList()).extracting(ValueInfoProto::getName)
        .containsExactly("logits");
  }

  @Test
  void toModel_anyNetwork_carriesProvenance() {
    ModelProto model = OnnxEmitter.toModel(NetworkBuilder.build(MIXED, NetworkSpec.CIFAR10, SEED));
    Map<String, String> metadata =
        model.getMetadataPropsList().stream()
            .collect(
                Collectors.toMap(StringStringEntryProto::getKey, StringStringEntryProto::getValue));
    assertThat(metadata)
        .containsEntry("arch", MIXED.nb201String())
        .containsEntry("arch_vector", "123412")
        .containsEntry("arch_index", Integer.toString(MIXED.index()))
        .containsEntry("seed", "42");
    assertThat(model.getProducerName()).isEqualTo("latlab");
    assertThat(model.getDocString()).contains("123412");
  }

  @Test
  void toBytes_sameSeed_isByteIdentical() {
    byte[] first = OnnxEmitter.toBytes(NetworkBuilder.build(MIXED, NetworkSpec.CIFAR10, 7));
    byte[] second = OnnxEmitter.toBytes(NetworkBuilder.build(MIXED, NetworkSpec.CIFAR10, 7));
    assertThat(second).isEqualTo(first);
  }

  @Test
  void toBytes_differentSeed_differs() {
    byte[] first = OnnxEmitter.toBytes(NetworkBuilder.build(MIXED, NetworkSpec.CIFAR10, 7));
    byte[] second = OnnxEmitter.toBytes(NetworkBuilder.build(MIXED, NetworkSpec.CIFAR10, 8));
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void toBytes_parsedBack_equalsToModel() throws InvalidProtocolBufferException {
    Network net = NetworkBuilder.build(MIXED, NetworkSpec.CIFAR10, SEED);
    ModelProto parsed = ModelProto.parseFrom(OnnxEmitter.toBytes(net));
    assertThat(parsed).isEqualTo(OnnxEmitter.toModel(net));
  }

  /** Each node input is a graph input, an initializer or an earlier output; names unique. */
  private static void assertTopologicallyOrdered(GraphProto graph) {
    Set<String> defined = new HashSet<>();
    graph.getInputList().forEach(input -> assertThat(defined.add(input.getName())).isTrue());
    for (TensorProto initializer : graph.getInitializerList()) {
      assertThat(defined.add(initializer.getName())).as(initializer.getName()).isTrue();
    }
    for (NodeProto node : graph.getNodeList()) {
      assertThat(defined).as("inputs of %s", node.getName()).containsAll(node.getInputList());
      for (String output : node.getOutputList()) {
        assertThat(defined.add(output)).as("%s redefined", output).isTrue();
      }
    }
    assertThat(defined).contains("logits");
  }

  private static void assertRuntimeMatchesReference(Network net) throws OrtException {
    float[] input = TestNetworks.input(net, SEED);
    float[] reference = ReferenceEvaluator.run(net, input);
    TestNetworks.assertCloseToReference(net.arch(), run(net, input), reference);
  }

  private static float[] run(Network net, float[] input) throws OrtException {
    try (OrtSession.SessionOptions options = options();
        OrtSession session = ENV.createSession(OnnxEmitter.toBytes(net), options);
        OnnxTensor x =
            OnnxTensor.createTensor(ENV, FloatBuffer.wrap(input), net.inputShape().nchw());
        OrtSession.Result result = session.run(Map.of("input", x))) {
      OnnxTensor logits = (OnnxTensor) result.get("logits").orElseThrow();
      assertThat(logits.getInfo().getShape()).containsExactly(net.spec().batch(), net.classes());
      FloatBuffer values = logits.getFloatBuffer();
      float[] out = new float[values.remaining()];
      values.get(out);
      return out;
    }
  }

  private static OrtSession.SessionOptions options() throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    return options;
  }

  private static void assertFloatTensor(TensorInfo info, long... shape) {
    assertThat(info.type).isEqualTo(OnnxJavaType.FLOAT);
    assertThat(info.getShape()).containsExactly(shape);
  }
}
