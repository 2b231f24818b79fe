package dev.latlab.nb201.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.ImageDataset;
import dev.latlab.nb201.NetworkSpec;
import java.util.List;
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

    TfliteRun.Output out = TfliteRun.run(net, SEED);

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

    TfliteRun.Output out = TfliteRun.run(net, 7);

    assertThat(out.dims()).containsExactly(2, 120);
    TestNetworks.assertCloseToReference(
        arch, out.values(), ReferenceEvaluator.run(net, TestNetworks.input(net, 7)));
  }

  @Test
  void toBytes_cifar10_namedInputAndBatchByClassesLogits() {
    Network net = NetworkBuilder.build(Arch.parse("421211"), NetworkSpec.CIFAR10, SEED);

    TfliteRun.Output out = TfliteRun.run(net, SEED);

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
}
