package dev.latlab.collector.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.proto.v1.JobAssignment;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Silent sessions end and their leases expire; time is the harness's fake clock. */
class LeaseTimeoutTest {
  private static final String TARGET = "jetson-ort-cuda";

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
  void silentSession_pastTimeout_isClosedAndItsJobGoesToAnotherAgent() {
    harness.createCampaign(TARGET, 1);
    AgentClient silent = harness.connected("a1", TARGET);
    silent.credit(1);
    JobAssignment job = silent.nextAssignment();
    AgentClient alive = harness.connected("a2", TARGET);
    alive.credit(1);
    harness.time.advance(Duration.ofSeconds(31));
    alive.heartbeat();
    alive.sync();
    harness.services.expireSilentSessions();
    Status status = silent.awaitClosed();
    assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(status.getDescription()).contains("no message for 30 s").contains("expired");
    JobAssignment again = alive.nextAssignment();
    assertThat(again.getJobId()).isEqualTo(job.getJobId());
    assertThat(again.getAttempt()).isEqualTo(2);
    assertThat(alive.isClosed()).isFalse();
  }

  @Test
  void sweeper_runsOnItsOwn() {
    AgentClient silent = harness.connected("a1", TARGET);
    harness.time.advance(Duration.ofMinutes(5));
    assertThat(silent.awaitClosed().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void heartbeats_keepTheSessionAndItsLeaseAlive() {
    harness.createCampaign(TARGET, 1);
    AgentClient agent = harness.connected("a1", TARGET);
    agent.credit(1);
    JobAssignment job = agent.nextAssignment();
    for (int i = 0; i < 5; i++) {
      harness.time.advance(Duration.ofSeconds(20));
      agent.heartbeat();
      agent.sync();
      assertThat(harness.services.expireSilentSessions()).isZero();
    }
    agent.result(Results.of(job));
    assertThat(agent.nextAck().getDuplicate()).isFalse();
  }

  @Test
  void silence_ofExactlyTheTimeout_isTolerated() {
    AgentClient agent = harness.connected("a1", TARGET);
    agent.sync();
    harness.time.advance(Duration.ofSeconds(30));
    assertThat(harness.services.expireSilentSessions()).isZero();
    assertThat(agent.isClosed()).isFalse();
  }

  @Test
  void sessionWithoutHello_expiresToo() {
    AgentClient agent = harness.agent("a1", TARGET);
    // The server opens the session when the call arrives, asynchronously: advance until it is old.
    Poll.until("the stream is closed", () -> {
      harness.time.advance(Duration.ofSeconds(31));
      harness.services.expireSilentSessions();
      return agent.isClosed();
    });
    assertThat(agent.awaitClosed().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
  }
}
