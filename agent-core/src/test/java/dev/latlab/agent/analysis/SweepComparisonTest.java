package dev.latlab.agent.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SweepComparisonTest {
  @Test
  void comparison_relativeDifferences() {
    SweepComparison c = SweepComparison.of(new double[] {1, 2, 4}, new double[] {1.1, 2, 3});
    assertThat(c.shared()).isEqualTo(3);
    assertThat(c.medianRelativeDifference()).isCloseTo(0.1, within(1e-12));
    assertThat(c.spearman()).isCloseTo(1, within(1e-12));
  }
}
