package dev.latlab.predictor.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PredictionMetricsTest {
  @Test
  void handComputed() {
    double[] measured = {10, 20, 40, 80};
    double[] predicted = {10.05, 21, 36, 100};
    PredictionMetrics m = PredictionMetrics.of(predicted, measured);
    // relative errors 0.005, 0.05, 0.1, 0.25
    assertThat(m.within1pct()).isEqualTo(0.25);
    assertThat(m.within5pct()).isEqualTo(0.5);
    assertThat(m.within10pct()).isEqualTo(0.75);
    assertThat(m.mape()).isCloseTo(100 * (0.005 + 0.05 + 0.1 + 0.25) / 4, within(1e-9));
    assertThat(m.rmseMs()).isCloseTo(Math.sqrt((0.0025 + 1 + 16 + 400) / 4), within(1e-9));
    assertThat(m.spearman()).isEqualTo(1.0);
    assertThat(m.kendall()).isEqualTo(1.0);
  }
}
