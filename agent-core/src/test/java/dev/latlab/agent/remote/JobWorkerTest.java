package dev.latlab.agent.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobWorkerTest {
  @Test
  void oneLine_collapsesWhitespaceAndNamesTheCause() {
    Exception e = new IllegalStateException("load failed:\n  bad\top",
        new UnsupportedOperationException("opset 99"));
    assertThat(JobWorker.oneLine(e)).isEqualTo(
        "IllegalStateException: load failed: bad op (caused by UnsupportedOperationException: "
            + "opset 99)");
  }

  @Test
  void oneLine_longMessage_isCut() {
    String line = JobWorker.oneLine(new RuntimeException("x".repeat(1000)));
    assertThat(line).hasSize(300).endsWith("...");
  }

  @Test
  void oneLine_noMessage_isTheType() {
    assertThat(JobWorker.oneLine(new NullPointerException())).isEqualTo("NullPointerException");
  }
}
