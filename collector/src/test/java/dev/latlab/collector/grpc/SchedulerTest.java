package dev.latlab.collector.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.collector.store.CampaignRow;
import dev.latlab.collector.store.JobRow;
import dev.latlab.collector.store.Store;
import dev.latlab.collector.store.TestStores;
import dev.latlab.proto.v1.CreateCampaignRequest;
import dev.latlab.proto.v1.JobAssignment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler alone, with recording lessees. */
class SchedulerTest {
  private static final String TARGET = "t1";

  @TempDir Path dir;
  private Store store;
  private Scheduler scheduler;

  /** A lessee that records what it is told. */
  private static final class Recorder implements Lessee {
    final String agentId;
    final List<JobAssignment> assigned = new ArrayList<>();
    final List<String> cancelled = new ArrayList<>();

    Recorder(String agentId) {
      this.agentId = agentId;
    }

    @Override
    public String agentId() {
      return agentId;
    }

    @Override
    public String target() {
      return TARGET;
    }

    @Override
    public synchronized void assign(JobAssignment assignment) {
      assigned.add(assignment);
    }

    @Override
    public synchronized void cancel(String jobId, String reason) {
      cancelled.add(jobId);
    }

    List<Integer> cells() {
      return assigned.stream().map(JobAssignment::getArchIndex).toList();
    }
  }

  @BeforeEach
  void setUp() {
    store = TestStores.create(dir);
    scheduler = new Scheduler(store, 2);
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  @Test
  void grant_leasesInQueueOrderWithAttemptOne() throws Exception {
    campaign("c1", 1, 2, 3);
    Recorder agent = attached("a1");
    scheduler.grant(agent, 2);
    assertThat(agent.cells()).containsExactly(1, 2);
    assertThat(agent.assigned).extracting(JobAssignment::getAttempt).containsOnly(1);
    assertThat(scheduler.inFlight(agent)).isEqualTo(2);
    assertThat(scheduler.leased("c1")).isEqualTo(2);
    assertThat(scheduler.lastLease("c1-1-0")).isEqualTo(new Scheduler.LastLease("a1", 1));
    Poll.until("lease recorded", () -> store.job("c1-2-0").orElseThrow().attempts() == 1);
    assertThat(store.job("c1-2-0").orElseThrow().leasedTo()).isEqualTo("a1");
  }

  @Test
  void detach_returnsLeasesToTheFrontInOrder() throws Exception {
    campaign("c1", 1, 2, 3);
    Recorder first = attached("a1");
    scheduler.grant(first, 2);
    assertThat(scheduler.detach(first)).isEqualTo(2);
    Recorder second = attached("a2");
    scheduler.grant(second, 3);
    assertThat(second.cells()).containsExactly(1, 2, 3);
    assertThat(second.assigned).extracting(JobAssignment::getAttempt).containsExactly(2, 2, 1);
  }

  @Test
  void grant_isRoundRobinAmongSessions() throws Exception {
    Recorder a = attached("a1");
    Recorder b = attached("a2");
    scheduler.grant(a, 5);
    scheduler.grant(b, 5);
    campaign("c1", 1, 2, 3, 4);
    assertThat(a.cells()).containsExactly(1, 3);
    assertThat(b.cells()).containsExactly(2, 4);
  }

  @Test
  void grant_whileJobsWait_leasesToTheGranteeOnlyInQueueOrder() throws Exception {
    Recorder a = attached("a1");
    Recorder b = attached("a2");
    scheduler.grant(a, 1);
    scheduler.grant(b, 1);
    campaign("c1", 1, 2, 3, 4, 5);
    scheduler.grant(b, 1);
    scheduler.grant(a, 5);
    assertThat(a.cells()).containsExactly(1, 4, 5);
    assertThat(b.cells()).containsExactly(2, 3);
    assertThat(scheduler.queued(TARGET)).isZero();
    campaign("c2", 6, 7, 8, 9);
    assertThat(a.cells()).containsExactly(1, 4, 5, 6, 7, 8);
    assertThat(b.cells()).containsExactly(2, 3);
  }

  @Test
  void complete_byOtherSession_returnsTheHolder() throws Exception {
    campaign("c1", 1);
    Recorder holder = attached("a1");
    scheduler.grant(holder, 1);
    Recorder other = attached("a2");
    assertThat(scheduler.complete("c1-1-0", other)).isSameAs(holder);
    assertThat(scheduler.inFlight(holder)).isZero();
    assertThat(scheduler.complete("c1-1-0", holder)).isNull();
  }

  @Test
  void complete_ofQueuedJob_takesItOutOfTheQueue() throws Exception {
    campaign("c1", 1, 2);
    Recorder agent = attached("a1");
    assertThat(scheduler.complete("c1-1-0", agent)).isNull();
    assertThat(scheduler.queued(TARGET)).isEqualTo(1);
    scheduler.grant(agent, 5);
    assertThat(agent.cells()).containsExactly(2);
  }

  @Test
  void fail_requeuesAtTheBackThenFailsForGood() throws Exception {
    campaign("c1", 1, 2);
    Recorder agent = attached("a1");
    scheduler.grant(agent, 1);
    assertThat(scheduler.fail("c1-1-0", 1, agent, "boom"))
        .isEqualTo(Scheduler.FailOutcome.REQUEUED);
    scheduler.grant(agent, 2);
    assertThat(agent.cells()).containsExactly(1, 2, 1);
    assertThat(scheduler.fail("c1-1-0", 1, agent, "stale")).isEqualTo(
        Scheduler.FailOutcome.NOT_LEASED);
    assertThat(scheduler.fail("c1-1-0", 2, agent, "boom")).isEqualTo(Scheduler.FailOutcome.FAILED);
    Poll.until("job failed", () ->
        store.job("c1-1-0").orElseThrow().state() == JobRow.State.FAILED);
    assertThat(scheduler.queued(TARGET)).isZero();
  }

  @Test
  void grant_isCapped() throws Exception {
    Recorder agent = attached("a1");
    scheduler.grant(agent, Integer.MAX_VALUE);
    scheduler.grant(agent, Integer.MAX_VALUE);
    Integer[] cells = new Integer[Scheduler.MAX_CREDIT + 5];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = i;
    }
    campaign("c1", cells);
    assertThat(agent.assigned).hasSize(Scheduler.MAX_CREDIT);
  }

  @Test
  void load_queuesOpenJobsWithTheirAttempts() throws Exception {
    campaign("c1", 1, 2, 3);
    store.recordLease("c1-1-0", 1, "a1").get(5, TimeUnit.SECONDS);
    store.markFailed("c1-3-0", "gone").get(5, TimeUnit.SECONDS);
    Scheduler restarted = new Scheduler(store, 3);
    restarted.load();
    Recorder agent = new Recorder("a2");
    restarted.attach(agent);
    restarted.grant(agent, 5);
    assertThat(agent.cells()).containsExactly(1, 2);
    assertThat(agent.assigned).extracting(JobAssignment::getAttempt).containsExactly(2, 1);
  }

  @Test
  void grant_toDetachedSession_leasesNothing() throws Exception {
    campaign("c1", 1);
    Recorder agent = attached("a1");
    scheduler.detach(agent);
    scheduler.grant(agent, 1);
    assertThat(agent.assigned).isEmpty();
  }

  private Recorder attached(String agentId) {
    Recorder recorder = new Recorder(agentId);
    scheduler.attach(recorder);
    return recorder;
  }

  private void campaign(String id, Integer... cells) throws Exception {
    CreateCampaignRequest request = CreateCampaignRequest.newBuilder().setTarget(TARGET)
        .addAllArchIndices(List.of(cells)).build();
    CampaignRequests.NewCampaign campaign = CampaignRequests.plan(request, id, 0);
    CampaignRow row = campaign.row();
    store.createCampaign(row, campaign.jobs()).get(5, TimeUnit.SECONDS);
    scheduler.register(row, campaign.jobs());
  }
}
