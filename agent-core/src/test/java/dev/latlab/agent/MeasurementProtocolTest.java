package dev.latlab.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MeasurementProtocolTest {
  @Test
  void defaults_areAdaptiveMedian() {
    MeasurementProtocol p = MeasurementProtocol.defaults();
    assertThat(p.adaptive()).isTrue();
    assertThat(p.identity()).isEqualTo("warmup=10+0.200s round=10 runs=30..300 ci=1.00% pause=0ms "
        + "stat=median input-seed=0 weight-seed=0");
  }

  @Test
  void latbenchFixed_isHundredRoundsOfTen() {
    MeasurementProtocol p = MeasurementProtocol.latbenchFixed();
    assertThat(p.adaptive()).isFalse();
    assertThat(p.maxRuns()).isEqualTo(1000);
    assertThat(p.runsPerRound()).isEqualTo(10);
    assertThat(p.identity()).contains("runs=1000 ci=off").contains("stat=latbench");
  }

  @Test
  void build_invalidValues_nameTheField() {
    assertThatThrownBy(() -> MeasurementProtocol.builder().adaptive(50, 10, 0.01).build())
        .hasMessageContaining("maxRuns (10) must be >= minRuns (50)");
    assertThatThrownBy(() -> MeasurementProtocol.builder().runsPerRound(0).build())
        .hasMessageContaining("runsPerRound");
    assertThatThrownBy(() -> MeasurementProtocol.builder().adaptive(1, 2, 1.5).build())
        .hasMessageContaining("targetHalfWidth");
  }
}
