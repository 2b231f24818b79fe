package dev.latlab.cli.collector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AckRecorderTest {
  @Test
  void percentile_isNearestRank() {
    long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(AckRecorder.percentile(sorted, 0.50)).isEqualTo(5);
    assertThat(AckRecorder.percentile(sorted, 0.99)).isEqualTo(10);
    assertThat(AckRecorder.percentile(sorted, 1.0)).isEqualTo(10);
    assertThat(AckRecorder.percentile(new long[0], 0.5)).isEqualTo(-1);
  }

  @Test
  void summary_leavesTheWarmupOut() {
    AckRecorder recorder = new AckRecorder(4, 2);
    recorder.acked(100_000_000, false);
    recorder.acked(100_000_000, false);
    recorder.acked(1_000_000, false);
    recorder.acked(3_000_000, true);
    AckRecorder.Summary summary = recorder.summary();
    assertThat(summary.acks()).isEqualTo(4);
    assertThat(summary.measured()).isEqualTo(2);
    assertThat(summary.maxMillis()).isEqualTo(3.0);
    assertThat(summary.p50Millis()).isEqualTo(1.0);
    assertThat(summary.duplicates()).isEqualTo(1);
    assertThat(recorder.done()).isEqualTo(4);
  }
}
