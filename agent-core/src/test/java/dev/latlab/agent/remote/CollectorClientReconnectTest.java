package dev.latlab.agent.remote;

import static dev.latlab.proto.v1.AgentMessage.KindCase.CREDIT;
import static dev.latlab.proto.v1.AgentMessage.KindCase.HELLO;
import static dev.latlab.proto.v1.AgentMessage.KindCase.RESULT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.proto.v1.AgentMessage;
import dev.latlab.proto.v1.JobResult;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sessions that end: replay of the spool, back-off, fatal statuses, the Welcome timeout. */
class CollectorClientReconnectTest extends ClientTestBase {
  @Test
  void streamDrop_unackedResultIsReplayedOnceAfterReconnect() throws InterruptedException {
    collector.autoAck = false;
    collector.addJobs(Fixtures.job("j1", 1, 5));
    start();
    collector.await("result", () -> collector.count(0, RESULT) == 1);
    assertThat(spool.pending()).extracting(JobResult::getJobId).containsExactly("j1");

    collector.autoAck = true;
    collector.drop(0, Status.UNAVAILABLE.withDescription("collector restarting"));
    listener.await("acked j1/1");
    collector.await("credit after replay", () -> collector.count(1, CREDIT) == 1);
    assertThat(collector.received(1)).extracting(AgentMessage::getKindCase)
        .containsExactly(HELLO, RESULT, CREDIT);
    assertThat(collector.results(1).get(0)).isEqualTo(collector.results(0).get(0));
    assertThat(executed).containsExactly("j1");
    assertThat(spool.pending()).isEmpty();
    assertThat(listener.events()).contains("disconnected UNAVAILABLE");
  }

  @Test
  void restart_newClientReplaysSpoolBeforeGrantingCredit() throws Exception {
    collector.autoAck = false;
    collector.addJobs(Fixtures.job("j1", 1, 5));
    start();
    collector.await("result", () -> collector.count(0, RESULT) == 1);
    client.close();
    collector.await("session 0 cancelled", () -> collector.ended(0));

    collector.autoAck = true;
    collector.addJobs(Fixtures.job("j2", 1, 6));
    spool = ResultSpool.open(dir.resolve("spool"));
    start();
    listener.await("acked j2/1");
    assertThat(collector.received(1)).extracting(AgentMessage::getKindCase)
        .startsWith(HELLO, RESULT, CREDIT);
    assertThat(collector.results(1)).extracting(JobResult::getJobId).containsExactly("j1", "j2");
    assertThat(listener.events()).contains("acked j1/1");
    assertThat(spool.pending()).isEmpty();
  }

  @Test
  void collectorDown_backoffDoublesToMaxAndJitterStaysBounded() throws InterruptedException {
    channel.shutdownNow();
    channel = InProcessChannelBuilder.forName(name + "-nobody-listens").build();
    RecordingSleeper sleeper = new RecordingSleeper(9);
    start(builder(this::measure, sleeper));
    sleeper.await(9);
    assertThat(sleeper.delaysMillis())
        .containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L);
    assertThat(listener.statuses()).extracting(Status::getCode).containsOnly(
        Status.Code.UNAVAILABLE);
  }

  @Test
  void backoff_isResetByEachWelcome() throws InterruptedException {
    RecordingSleeper sleeper = new RecordingSleeper(3);
    collector.heartbeatIntervalMs = 60_000;
    start(builder(this::measure, sleeper));
    for (int i = 0; i < 3; i++) {
      int session = i;
      listener.await("connected s" + i);
      collector.await("credit", () -> collector.count(session, CREDIT) == 1);
      collector.drop(i, Status.UNAVAILABLE);
      sleeper.await(i + 1);
    }
    assertThat(sleeper.delaysMillis()).containsExactly(500L, 500L, 500L);
  }

  @Test
  void badToken_isFatalWithoutRetry() throws InterruptedException {
    collector.requiredToken = "other";
    RecordingSleeper sleeper = new RecordingSleeper(UNLIMITED);
    start(builder(this::measure, sleeper));
    assertThat(client.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(client.fatalStatus()).hasValueSatisfying(
        s -> assertThat(s.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    assertThat(listener.events()).containsExactly("fatal UNAUTHENTICATED");
    assertThat(sleeper.delaysMillis()).isEmpty();
    assertThat(collector.authorizations()).hasSize(1);
  }

  @Test
  void helloRefused_isFatal() throws InterruptedException {
    collector.helloError = Status.FAILED_PRECONDITION.withDescription("unknown target");
    start();
    assertThat(client.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(listener.events()).containsExactly("fatal FAILED_PRECONDITION");
    assertThat(listener.statuses().get(0).getDescription()).isEqualTo("unknown target");
  }

  @Test
  void isFatal_classifiesStatusCodes() {
    assertThat(SessionLoop.isFatal(Status.Code.UNAUTHENTICATED, true)).isTrue();
    assertThat(SessionLoop.isFatal(Status.Code.PERMISSION_DENIED, false)).isTrue();
    assertThat(SessionLoop.isFatal(Status.Code.INVALID_ARGUMENT, false)).isTrue();
    assertThat(SessionLoop.isFatal(Status.Code.INVALID_ARGUMENT, true)).isFalse();
    assertThat(SessionLoop.isFatal(Status.Code.FAILED_PRECONDITION, true)).isFalse();
    assertThat(SessionLoop.isFatal(Status.Code.UNAVAILABLE, false)).isFalse();
    assertThat(SessionLoop.isFatal(Status.Code.DEADLINE_EXCEEDED, true)).isFalse();
    assertThat(SessionLoop.isFatal(Status.Code.CANCELLED, false)).isFalse();
  }

  @Test
  void noWelcome_cancelsAndReconnects() throws InterruptedException {
    collector.answerHello = false;
    RecordingSleeper sleeper = new RecordingSleeper(1);
    start(builder(this::measure, sleeper).welcomeTimeout(Duration.ofMillis(50)));
    sleeper.await(1);
    assertThat(listener.statuses().get(0).getCode()).isEqualTo(Status.Code.CANCELLED);
    assertThat(listener.statuses().get(0).getDescription()).contains("no Welcome within 50 ms");
  }

  @Test
  void collectorRestart_spoolIsReplayedToTheNewCollector() throws Exception {
    collector.autoAck = false;
    collector.addJobs(Fixtures.job("j1", 1, 5));
    RecordingSleeper sleeper = new RecordingSleeper(1);
    start(builder(this::measure, sleeper));
    collector.await("result", () -> collector.count(0, RESULT) == 1);

    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    sleeper.await(1);
    FakeCollector restarted = new FakeCollector();
    server = startServer(restarted);
    channel.resetConnectBackoff();
    sleeper.allow(UNLIMITED);
    listener.await("acked j1/1");
    // The credit follows the replayed result on the stream but may land after the ack is seen.
    restarted.await("credit", () -> restarted.count(0, CREDIT) >= 1);
    assertThat(restarted.received(0)).extracting(AgentMessage::getKindCase)
        .startsWith(HELLO, RESULT, CREDIT);
    assertThat(restarted.results(0)).containsExactly(collector.results(0).get(0));
    assertThat(listener.statuses().get(0).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(spool.pending()).isEmpty();
  }
}
