package dev.latlab.nb201.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.SearchSpace;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Shared fixtures for the emitter tests: the cells to check, seeded inputs, the tolerance. */
final class TestNetworks {
  /** Outputs must match the reference within this share of the largest reference logit. */
  static final double RELATIVE_TOLERANCE = 1e-4;

  private TestNetworks() {}

  /**
   * At least 20 cells: every op alone, mixes covering every op on every edge, degenerate cells, the
   * largest cell (all nor_conv_3x3), cells with dead nodes and with three-way sums.
   */
  static List<Arch> cells() {
    return Stream.of(
            "333333", // largest: 1.53 M params
            "000000", // degenerate: all none
            "100000", // degenerate: skip into node 1, nothing reaches node 3
            "330300", // degenerate: conv into node 1 and 2, nothing to node 3
            "111111", // all skip
            "222222", // all conv1x1
            "444444", // all avg_pool
            "421211", // index 0
            "334131", // index 1
            "433444", // index 2
            "410001", // index 3
            "000300", // a single conv on 0->3
            "000001", // degenerate: only edge 2->3, from an always-zero node 2
            "300003", // degenerate: a conv into dead node 1, a conv out of zero node 2
            "300300", // a conv into dead node 1 (not emitted) and a conv on 0->3
            "123412", // every op once or more
            "234123",
            "341234",
            "412341",
            "203040", // zero node 1, sums at node 3
            "012340",
            "443322",
            "224433",
            "310203")
        .map(Arch::parse)
        .toList();
  }

  /** A seeded standard-normal input in NCHW order. */
  static float[] input(Network network, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[network.inputShape().size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return x;
  }

  /** Reorders an NCHW tensor to NHWC. */
  static float[] nchwToNhwc(float[] x, Shape s) {
    float[] y = new float[x.length];
    int i = 0;
    for (int n = 0; n < s.batch(); n++) {
      for (int c = 0; c < s.channels(); c++) {
        for (int h = 0; h < s.height(); h++) {
          for (int w = 0; w < s.width(); w++) {
            y[((n * s.height() + h) * s.width() + w) * s.channels() + c] = x[i++];
          }
        }
      }
    }
    return y;
  }

  /** Asserts that every value is within {@link #RELATIVE_TOLERANCE} of the largest reference value. */
  static void assertCloseToReference(Arch arch, float[] actual, float[] reference) {
    assertThat(actual).hasSameSizeAs(reference);
    double scale = 0;
    for (float v : reference) {
      scale = Math.max(scale, Math.abs(v));
    }
    double worst = 0;
    for (int i = 0; i < actual.length; i++) {
      worst = Math.max(worst, Math.abs(actual[i] - reference[i]));
    }
    assertThat(worst / scale)
        .as("max |runtime - reference| / max |reference| for %s (degenerate=%s)", arch,
            SearchSpace.isDegenerate(arch))
        .isLessThanOrEqualTo(RELATIVE_TOLERANCE);
  }
}
