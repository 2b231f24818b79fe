package dev.latlab.nb201.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.NetworkSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calibration ranges from seeded inputs through the reference evaluator. */
class CalibrationTest {
  private static final NetworkSpec SMALL = NetworkSpec.builder().cellsPerStage(1).build();

  @Test
  void of_sameNetwork_sameRanges() {
    Network net = NetworkBuilder.build(Arch.parse("123412"), SMALL, 3);

    Calibration a = Calibration.of(net);
    Calibration b = Calibration.of(net);

    for (int i = 0; i < net.layers().size(); i++) {
      assertThat(b.range(ActivationKey.output(i))).isEqualTo(a.range(ActivationKey.output(i)));
    }
  }

  @Test
  void of_batch_rangeOfInputIsMinAndMaxOverEveryInput() {
    Network net = NetworkBuilder.build(Arch.parse("000300"), SMALL, 3);
    int n = net.inputShape().size();
    float[] low = new float[n];
    float[] high = new float[n];
    low[5] = -2.5f;
    high[7] = 4f;

    Calibration c = Calibration.of(net, List.of(low, high));

    assertThat(c.range(ActivationKey.output(0))).isEqualTo(new ValueRange(-2.5f, 4f));
  }

  @Test
  void of_reluOutputs_neverBelowZero() {
    Network net = NetworkBuilder.build(Arch.parse("333333"), SMALL, 3);
    Calibration c = Calibration.of(net);

    for (int i = 0; i < net.layers().size(); i++) {
      if (net.layers().get(i) instanceof Layer.Relu) {
        ValueRange r = c.range(ActivationKey.output(i));
        assertThat(r.min()).isZero();
        assertThat(r.max()).isPositive();
      }
    }
  }

  @Test
  void of_threeWayAdd_recordsThePartialSumOfTwo() {
    Network net = NetworkBuilder.build(Arch.parse("111111"), SMALL, 3);
    Calibration c = Calibration.of(net);
    int add = threeWayAdd(net);
    ValueRange partial = c.range(ActivationKey.partialSum(add, 2));
    ValueRange sum = c.range(ActivationKey.output(add));

    // All-skip node 3 is x + x + 2x: the partial sum x + x spans half the full sum's range.
    assertThat((double) partial.max()).isCloseTo(sum.max() / 2.0, within(1e-3 * sum.max()));
    assertThatThrownBy(() -> c.range(ActivationKey.partialSum(add, 3)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void of_degenerateCell_zeroOpOutputIsExactlyZeroAndScaledRecorded() {
    Network net = NetworkBuilder.build(Arch.parse("000000"), SMALL, 3);
    Calibration c = Calibration.of(net);
    int zero = firstAffine(net);

    for (ValueRange r : List.of(c.range(ActivationKey.output(zero)),
        c.range(ActivationKey.scaled(zero)))) {
      assertThat(r.min() == 0 && r.max() == 0).as("%s is zero (x * 0 may be -0.0)", r).isTrue();
    }
  }

  private static int threeWayAdd(Network net) {
    for (int i = 0; i < net.layers().size(); i++) {
      if (net.layers().get(i) instanceof Layer.Add a && a.inputs().length == 3) {
        return i;
      }
    }
    throw new AssertionError("no three-way add");
  }

  private static int firstAffine(Network net) {
    for (int i = 0; i < net.layers().size(); i++) {
      if (net.layers().get(i) instanceof Layer.ChannelAffine) {
        return i;
      }
    }
    throw new AssertionError("no affine layer");
  }
}
