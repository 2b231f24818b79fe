package dev.latlab.collector.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.collector.store.JobRow;
import dev.latlab.proto.v1.AgentMessage;
import dev.latlab.proto.v1.Campaign;
import dev.latlab.proto.v1.CampaignStatus;
import dev.latlab.proto.v1.GetCampaignStatusRequest;
import dev.latlab.proto.v1.Heartbeat;
import dev.latlab.proto.v1.Hello;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.ResultAck;
import dev.latlab.proto.v1.Welcome;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session protocol: Hello, credit and assignments, results and acknowledgements. */
class AgentSessionServiceTest {
  private static final String TARGET = "pixel7-tflite-4t";

  @TempDir Path dir;
  private Harness harness;

  @BeforeEach
  void setUp() {
    harness = Harness.with(dir).start();
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  @Test
  void session_firstMessageNotHello_isFailedPrecondition() {
    AgentClient agent = harness.agent("a1", TARGET);
    agent.credit(1);
    Status status = agent.awaitClosed();
    assertThat(status.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(status.getDescription()).contains("first message").contains("Hello");
  }

  @Test
  void session_heartbeatBeforeHello_isFailedPrecondition() {
    AgentClient agent = harness.agent("a1", TARGET);
    agent.send(AgentMessage.newBuilder().setHeartbeat(Heartbeat.getDefaultInstance()).build());
    assertThat(agent.awaitClosed().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
  }

  @Test
  void session_secondHello_isFailedPrecondition() {
    AgentClient agent = harness.connected("a1", TARGET);
    agent.send(AgentMessage.newBuilder()
        .setHello(Hello.newBuilder().setAgentId("a1").setTarget(TARGET)).build());
    assertThat(agent.awaitClosed().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
  }

  @Test
  void hello_badFields_isInvalidArgument() {
    for (Hello hello : List.of(
        Hello.newBuilder().setTarget(TARGET).build(),
        Hello.newBuilder().setAgentId("a".repeat(129)).setTarget(TARGET).build(),
        Hello.newBuilder().setAgentId("a1").build(),
        Hello.newBuilder().setAgentId("a1").setTarget("has space").build(),
        Hello.newBuilder().setAgentId("a1").setTarget("t".repeat(129)).build())) {
      AgentClient agent = harness.agent("a1", TARGET);
      agent.send(AgentMessage.newBuilder().setHello(hello).build());
      Status status = agent.awaitClosed();
      assertThat(status.getCode()).as("%s", hello).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(status.getDescription()).startsWith("bad Hello: ");
    }
  }

  @Test
  void hello_valid_isWelcomedAndAgentStored() {
    Welcome welcome = harness.agent("a1", TARGET).connect();
    assertThat(welcome.getHeartbeatIntervalMs()).isEqualTo(5_000);
    assertThat(welcome.getLeaseTimeoutMs()).isEqualTo(30_000);
    assertThat(welcome.getSessionId()).isNotEmpty();
    Poll.until("agent stored", () -> harness.store.agents().size() == 1);
    assertThat(harness.store.agents().get(0).target()).isEqualTo(TARGET);
  }

  @Test
  void credit_zero_isInvalidArgument() {
    AgentClient agent = harness.connected("a1", TARGET);
    agent.credit(0);
    assertThat(agent.awaitClosed().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void campaign_creditedAgent_measuresEveryJobAndCampaignIsDone() {
    Campaign campaign = harness.createCampaign(TARGET, 7, 8, 9);
    AgentClient agent = harness.connected("a1", TARGET);
    agent.credit(10);
    List<JobAssignment> jobs = List.of(
        agent.nextAssignment(), agent.nextAssignment(), agent.nextAssignment());
    for (int i = 0; i < 3; i++) {
      JobAssignment job = jobs.get(i);
      int cell = 7 + i;
      assertThat(job.getArchIndex()).isEqualTo(cell);
      assertThat(job.getJobId()).isEqualTo(campaign.getId() + "-" + cell + "-0");
      assertThat(job.getAttempt()).isEqualTo(1);
      assertThat(job.getCampaignId()).isEqualTo(campaign.getId());
      assertThat(job.getProtocol()).isEqualTo(CampaignRequests.DEFAULT_PROTOCOL);
      assertThat(job.getNetwork()).isEqualTo(CampaignRequests.DEFAULT_NETWORK);
      agent.result(Results.of(job));
      ResultAck ack = agent.nextAck();
      assertThat(ack.getJobId()).isEqualTo(job.getJobId());
      assertThat(ack.getAttempt()).isEqualTo(1);
      assertThat(ack.getDuplicate()).isFalse();
    }
    CampaignStatus status = status(campaign);
    assertThat(status.getDone()).isEqualTo(3);
    assertThat(status.getLeased()).isZero();
    assertThat(status.getState()).isEqualTo("done");
    assertThat(harness.store.results(TARGET)).extracting(r -> r.archIndex())
        .containsExactly(7, 8, 9);
    assertThat(harness.store.results(TARGET).get(0).agentId()).isEqualTo("a1");
  }

  @Test
  void credit_beforeCampaign_jobsArriveWhenCreated() {
    AgentClient agent = harness.connected("a1", TARGET);
    agent.credit(2);
    agent.sync();
    harness.createCampaign(TARGET, 1, 2, 3);
    assertThat(agent.nextAssignment().getArchIndex()).isEqualTo(1);
    assertThat(agent.nextAssignment().getArchIndex()).isEqualTo(2);
    agent.sync(); // the third job waits for credit
    agent.credit(1);
    assertThat(agent.nextAssignment().getArchIndex()).isEqualTo(3);
  }

  @Test
  void campaign_otherTarget_isNotAssigned() {
    harness.createCampaign("other-target", 1);
    AgentClient agent = harness.connected("a1", TARGET);
    agent.credit(5);
    agent.sync();
    assertThat(agent.inboxEmpty()).isTrue();
    assertThat(harness.services.scheduler().queued("other-target")).isEqualTo(1);
  }

  @Test
  void result_replayedAfterAck_isAckedDuplicateAndStoredOnce() {
    harness.createCampaign(TARGET, 5);
    AgentClient agent = harness.connected("a1", TARGET);
    agent.credit(1);
    JobAssignment job = agent.nextAssignment();
    agent.result(Results.of(job));
    assertThat(agent.nextAck().getDuplicate()).isFalse();
    agent.result(Results.of(job));
    ResultAck again = agent.nextAck();
    assertThat(again.getDuplicate()).isTrue();
    assertThat(again.getJobId()).isEqualTo(job.getJobId());
    assertThat(harness.store.resultCount()).isEqualTo(1);
  }

  @Test
  void result_replayedInNewSessionAfterDisconnect_isAcceptedAndNotReassigned() {
    Campaign campaign = harness.createCampaign(TARGET, 5);
    AgentClient first = harness.connected("a1", TARGET);
    first.credit(1);
    JobAssignment job = first.nextAssignment();
    first.drop();
    Poll.until("lease released", () -> harness.services.scheduler().queued(TARGET) == 1);
    AgentClient second = harness.connected("a1", TARGET);
    second.result(Results.of(job));
    assertThat(second.nextAck().getDuplicate()).isFalse();
    second.credit(1);
    second.sync();
    assertThat(second.inboxEmpty()).isTrue();
    assertThat(status(campaign).getState()).isEqualTo("done");
  }

  @Test
  void disconnect_withLeases_otherAgentGetsTheJobs() {
    harness.createCampaign(TARGET, 1, 2);
    AgentClient first = harness.connected("a1", TARGET);
    first.credit(2);
    JobAssignment one = first.nextAssignment();
    JobAssignment two = first.nextAssignment();
    AgentClient second = harness.connected("a2", TARGET);
    second.credit(5);
    second.sync();
    assertThat(second.inboxEmpty()).isTrue();
    first.drop();
    JobAssignment again = second.nextAssignment();
    assertThat(again.getJobId()).isEqualTo(one.getJobId());
    assertThat(again.getAttempt()).isEqualTo(2);
    assertThat(second.nextAssignment().getJobId()).isEqualTo(two.getJobId());
    second.result(Results.of(again));
    assertThat(second.nextAck().getDuplicate()).isFalse();
  }

  @Test
  void hangUp_completesStreamAndReleasesLeases() {
    harness.createCampaign(TARGET, 1);
    AgentClient agent = harness.connected("a1", TARGET);
    agent.credit(1);
    agent.nextAssignment();
    agent.hangUp();
    assertThat(agent.awaitClosed().getCode()).isEqualTo(Status.Code.OK);
    Poll.until("lease released", () -> harness.services.scheduler().queued(TARGET) == 1);
  }

  @Test
  void newSession_ofSameAgent_supersedesTheOld() {
    AgentClient first = harness.connected("a1", TARGET);
    harness.connected("a1", TARGET);
    Status status = first.awaitClosed();
    assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(status.getDescription()).contains("superseded");
  }

  @Test
  void twoAgents_shareACampaign() {
    AgentClient a = harness.connected("a1", TARGET);
    AgentClient b = harness.connected("a2", TARGET);
    a.credit(10);
    b.credit(10);
    a.sync();
    b.sync();
    harness.createCampaign(TARGET, 1, 2, 3, 4);
    Set<String> jobs = new HashSet<>();
    for (AgentClient agent : List.of(a, b)) {
      List<JobAssignment> own = List.of(agent.nextAssignment(), agent.nextAssignment());
      for (JobAssignment job : own) {
        assertThat(jobs.add(job.getJobId())).isTrue();
        agent.result(Results.of(job));
        assertThat(agent.nextAck().getDuplicate()).isFalse();
      }
    }
    assertThat(harness.store.results(TARGET)).extracting(r -> r.agentId())
        .containsOnly("a1", "a2").hasSize(4);
  }

  @Test
  void failure_requeuesUntilMaxAttemptsThenJobFails() {
    Campaign campaign = harness.createCampaign(TARGET, 42);
    AgentClient agent = harness.connected("a1", TARGET);
    for (int attempt = 1; attempt <= 3; attempt++) {
      agent.credit(1);
      JobAssignment job = agent.nextAssignment();
      assertThat(job.getAttempt()).isEqualTo(attempt);
      agent.failure(job, "runtime rejected the model");
    }
    String jobId = campaign.getId() + "-42-0";
    Poll.until("job failed", () ->
        harness.store.job(jobId).orElseThrow().state() == JobRow.State.FAILED);
    agent.credit(1);
    agent.sync();
    assertThat(agent.inboxEmpty()).isTrue();
    CampaignStatus status = status(campaign);
    assertThat(status.getFailed()).isEqualTo(1);
    assertThat(status.getState()).isEqualTo("done");
  }

  @Test
  void failure_ofJobNotLeased_changesNothing() {
    harness.createCampaign(TARGET, 42);
    AgentClient agent = harness.connected("a1", TARGET);
    agent.credit(1);
    JobAssignment job = agent.nextAssignment();
    agent.failure(job.toBuilder().setAttempt(7).build(), "stale");
    agent.sync();
    assertThat(harness.services.scheduler().leased(job.getCampaignId())).isEqualTo(1);
  }

  private CampaignStatus status(Campaign campaign) {
    return harness.campaigns().getCampaignStatus(
        GetCampaignStatusRequest.newBuilder().setCampaignId(campaign.getId()).build());
  }
}
