package dev.latlab.nb201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CostModelTest {
  private static final Arch INDEX0 = Arch.fromIndex(0);
  private static final Arch ALL_CONV3 = Arch.parse("333333");

  @Test
  void cifar10_index0_matchesNb201() {
    CostModel.Cost cost = CostModel.of(INDEX0, NetworkSpec.CIFAR10);
    assertThat(cost.params()).isEqualTo(129_306);
    assertThat(cost.flops()).isEqualTo(16_962_186);
  }

  @Test
  void cifar10_allConv3x3_matchesNb201() {
    CostModel.Cost cost = CostModel.of(ALL_CONV3, NetworkSpec.CIFAR10);
    assertThat(cost.paramsM()).isCloseTo(1.531546, within(1e-9));
    assertThat(cost.flopsM()).isCloseTo(220.144266, within(1e-9));
  }

  @Test
  void cifar100_differsOnlyByClassifier() {
    CostModel.Cost c10 = CostModel.of(INDEX0, NetworkSpec.of(ImageDataset.CIFAR10));
    CostModel.Cost c100 = CostModel.of(INDEX0, NetworkSpec.of(ImageDataset.CIFAR100));
    long extra = 64L * 90 + 90;
    assertThat(c100.params() - c10.params()).isEqualTo(extra);
    assertThat(c100.flops() - c10.flops()).isEqualTo(extra);
  }

  @Test
  void imagenet16_quartersSpatialFlops() {
    CostModel.Cost c10 = CostModel.of(ALL_CONV3, NetworkSpec.of(ImageDataset.CIFAR10));
    CostModel.Cost im = CostModel.of(ALL_CONV3, NetworkSpec.of(ImageDataset.IMAGENET16_120));
    long classifier10 = 64L * 10 + 10;
    long classifier120 = 64L * 120 + 120;
    assertThat((im.flops() - classifier120) * 4).isEqualTo(c10.flops() - classifier10);
    assertThat(im.params() - c10.params()).isEqualTo(classifier120 - classifier10);
  }

  @Test
  void noneAndSkipCells_costOnlyTheSkeleton() {
    CostModel.Cost none = CostModel.of(Arch.parse("000000"), NetworkSpec.CIFAR10);
    CostModel.Cost skip = CostModel.of(Arch.parse("111111"), NetworkSpec.CIFAR10);
    assertThat(none).isEqualTo(skip);
    assertThat(none.params()).isEqualTo(73_306);
  }
}
