package dev.latlab.collector.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.collector.store.JobRow;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.ResultRejected;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replayed result whose lease was superseded (the job went to another session while its agent
 * was away) is refused, even before the store has committed the newer lease: the scheduler's
 * memory of the latest lease decides. The newer lease holder's result is the one stored.
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
  void replay_ofLeaseSupersededByAnotherSession_isRefused() {
    harness.createCampaign(TARGET, 3);
    AgentClient first = harness.connected("a1", TARGET);
    first.credit(1);
    JobAssignment job = first.nextAssignment();
    Poll.until("lease committed", () -> isLeasedTo(job.getJobId(), "a1"));
    store.get().holdLeases();
    first.drop();
    AgentClient other = harness.connected("a2", TARGET);
    other.credit(1);
    JobAssignment second = other.nextAssignment();
    assertThat(second.getAttempt()).isEqualTo(2);

    AgentClient back = harness.connected("a1", TARGET);
    back.result(Results.of(job));
    ResultRejected rejected = back.nextRejected();
    assertThat(rejected.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION.value());
    assertThat(rejected.getDescription()).endsWith("is leased to another agent");
    store.get().releaseLeases();
    other.result(Results.of(second));
    assertThat(other.nextAck().getDuplicate()).isFalse();
    assertThat(harness.store.results(TARGET)).extracting(r -> r.agentId()).containsExactly("a2");
  }

  private boolean isLeasedTo(String jobId, String agentId) {
    JobRow row = harness.store.job(jobId).orElseThrow();
    return agentId.equals(row.leasedTo()) && row.attempts() == 1;
  }
}
