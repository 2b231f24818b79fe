package dev.latlab.collector.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.collector.store.JobRow;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.JobCancel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replayed result of the store's latest lease completes a job that meanwhile went to another
 * session (whose lease the store has not committed yet): that session is told to stop.
 */
class ReplayRaceTest {
  private static final String TARGET = "pixel7-tflite-4t";

  @TempDir Path dir;
  private Harness harness;
  private final AtomicReference<HoldingStore> store = new AtomicReference<>();

  @BeforeEach
  void setUp() {
    harness = Harness.with(dir).storeWrapper(s -> {
      store.set(new HoldingStore(s));
      return store.get();
    }).start();
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  @Test
  void replay_completingJobLeasedToAnotherSession_cancelsItThere() {
    harness.createCampaign(TARGET, 3);
    AgentClient first = harness.connected("a1", TARGET);
    first.credit(1);
    JobAssignment job = first.nextAssignment();
    Poll.until("lease committed", () -> isLeasedTo(job.getJobId(), "a1"));
    store.get().holdLeases();
    first.drop();
    AgentClient other = harness.connected("a2", TARGET);
    other.credit(1);
    assertThat(other.nextAssignment().getAttempt()).isEqualTo(2);

    AgentClient back = harness.connected("a1", TARGET);
    back.result(Results.of(job));
    assertThat(back.nextAck().getDuplicate()).isFalse();
    JobCancel cancel = other.nextCancel();
    assertThat(cancel.getJobId()).isEqualTo(job.getJobId());
    assertThat(cancel.getReason()).isNotBlank();
    assertThat(harness.store.results(TARGET)).extracting(r -> r.agentId()).containsExactly("a1");
  }

  private boolean isLeasedTo(String jobId, String agentId) {
    JobRow row = harness.store.job(jobId).orElseThrow();
    return agentId.equals(row.leasedTo()) && row.attempts() == 1;
  }
}
