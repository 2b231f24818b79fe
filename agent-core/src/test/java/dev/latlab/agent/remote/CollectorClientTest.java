package dev.latlab.agent.remote;

import static dev.latlab.proto.v1.AgentMessage.KindCase.CREDIT;
import static dev.latlab.proto.v1.AgentMessage.KindCase.HEARTBEAT;
import static dev.latlab.proto.v1.AgentMessage.KindCase.HELLO;
import static dev.latlab.proto.v1.AgentMessage.KindCase.RESULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.latlab.agent.Measurement;
import dev.latlab.proto.v1.AgentMessage;
import dev.latlab.proto.v1.CollectorMessage;
import dev.latlab.proto.v1.Hello;
import dev.latlab.proto.v1.JobCancel;
import dev.latlab.proto.v1.JobFailure;
import dev.latlab.proto.v1.JobResult;
import dev.latlab.proto.v1.ResultRejected;
import io.grpc.Status;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One session: Hello, jobs, results, acks, failures, cancels, heartbeats. */
class CollectorClientTest extends ClientTestBase {
  @Test
  void start_sendsHelloWithIdentityAndBearerToken() throws InterruptedException {
    start();
    collector.await("hello", () -> collector.count(0, HELLO) == 1);
    Hello hello = collector.received(0).get(0).getHello();
    assertThat(hello.getAgentId()).isEqualTo("agent-1");
    assertThat(hello.getTarget()).isEqualTo("noop-2t");
    assertThat(hello.getAgentVersion()).isEqualTo("0.1.0-test");
    assertThat(hello.getDescription()).isEqualTo(DESCRIPTION);
    assertThat(collector.authorizations()).containsExactly("Bearer secret");
    listener.await("connected s0");
  }

  @Test
  void jobs_areMeasuredInOrderSentAckedAndRemovedFromSpool() throws InterruptedException {
    collector.addJobs(Fixtures.job("j1", 1, 10), Fixtures.job("j2", 1, 20),
        Fixtures.job("j3", 2, 30));
    start();
    listener.await("acked j3/2");
    assertThat(executed).containsExactly("j1", "j2", "j3");
    assertThat(collector.results(0)).extracting(JobResult::getJobId, JobResult::getArchIndex)
        .containsExactly(tuple("j1", 10), tuple("j2", 20), tuple("j3", 30));
    collector.await("last credit", () -> collector.count(0, CREDIT) == 4);
    assertThat(spool.pending()).isEmpty();
  }

  @Test
  void jobs_withOneInFlight_areNeverMeasuredConcurrently() throws InterruptedException {
    AtomicInteger active = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    collector.addJobs(Fixtures.job("j1", 1, 1), Fixtures.job("j2", 1, 2));
    start(builder(job -> {
      most.accumulateAndGet(active.incrementAndGet(), Math::max);
      Measurement m = measure(job);
      active.decrementAndGet();
      return m;
    }, new RecordingSleeper(UNLIMITED)));
    listener.await("acked j2/1");
    assertThat(most.get()).isEqualTo(1);
    assertThat(collector.received(0).get(1).getCredit().getJobs()).isEqualTo(1);
  }

  @Test
  void heartbeats_areSentAtTheWelcomeInterval() throws InterruptedException {
    collector.heartbeatIntervalMs = 10;
    start();
    collector.await("heartbeats", () -> collector.count(0, HEARTBEAT) >= 3);
    AgentMessage heartbeat = collector.received(0).stream().filter(AgentMessage::hasHeartbeat)
        .findFirst().orElseThrow();
    assertThat(heartbeat.getHeartbeat().getSentAtUnixMs()).isPositive();
  }

  @Test
  void reportPaused_sendsHeartbeatAtOnceWithReason_thenEmptyOnResume()
      throws InterruptedException {
    collector.heartbeatIntervalMs = 60_000; // no periodic heartbeat during the test
    CollectorClient started = start();
    listener.await("connected s0");

    started.reportPaused("thermal status\tsevere ");
    collector.await("paused heartbeat", () -> collector.count(0, HEARTBEAT) == 1);
    started.reportPaused("thermal status severe"); // unchanged: nothing sent
    started.reportPaused("");
    collector.await("resumed heartbeat", () -> collector.count(0, HEARTBEAT) == 2);

    assertThat(collector.received(0).stream().filter(AgentMessage::hasHeartbeat)
        .map(m -> m.getHeartbeat().getPausedReason()))
        .containsExactly("thermal status severe", "");
  }

  @Test
  void executorThrows_sendsOneLineFailureAndGrantsCredit() throws InterruptedException {
    collector.addJobs(Fixtures.job("bad", 2, 5));
    start(builder(job -> {
      throw new IllegalStateException("runtime rejected\nthe model");
    }, new RecordingSleeper(UNLIMITED)));
    collector.await("failure and credit", () -> collector.count(0, CREDIT) == 2);
    JobFailure failure = collector.received(0).stream().filter(AgentMessage::hasFailure)
        .findFirst().orElseThrow().getFailure();
    assertThat(failure.getJobId()).isEqualTo("bad");
    assertThat(failure.getAttempt()).isEqualTo(2);
    assertThat(failure.getReason())
        .isEqualTo("IllegalStateException: runtime rejected the model");
    assertThat(spool.pending()).isEmpty();
  }

  @Test
  void cancel_queuedJobIsDroppedAndItsCreditReturned() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    collector.addJobs(Fixtures.job("j1", 1, 1), Fixtures.job("j2", 1, 2));
    start(builder(job -> {
      Measurement m = measure(job);
      release.await();
      return m;
    }, new RecordingSleeper(UNLIMITED)).maxJobsInFlight(2));
    listener.await("assigned j2");
    collector.send(0, CollectorMessage.newBuilder()
        .setCancel(JobCancel.newBuilder().setJobId("j2").setReason("campaign cancelled")).build());
    listener.await("cancelled j2");
    release.countDown();
    listener.await("acked j1/1");
    collector.await("credits", () -> collector.count(0, CREDIT) == 3);
    assertThat(executed).containsExactly("j1");
    assertThat(collector.received(0).get(1).getCredit().getJobs()).isEqualTo(2);
  }

  @Test
  void cancel_runningJobIsFinishedAndSent() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    collector.addJobs(Fixtures.job("j1", 1, 1));
    start(builder(job -> {
      started.countDown();
      release.await();
      return measure(job);
    }, new RecordingSleeper(UNLIMITED)));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    collector.send(0, CollectorMessage.newBuilder()
        .setCancel(JobCancel.newBuilder().setJobId("j1").setReason("reassigned")).build());
    listener.await("cancelled j1");
    release.countDown();
    listener.await("acked j1/1");
    assertThat(collector.results(0)).extracting(JobResult::getJobId).containsExactly("j1");
  }

  @Test
  void rejectedResult_isRemovedFromSpool() throws InterruptedException {
    collector.autoAck = false;
    collector.addJobs(Fixtures.job("j1", 1, 5));
    start();
    collector.await("result", () -> collector.count(0, RESULT) == 1);
    collector.send(0, CollectorMessage.newBuilder().setRejected(ResultRejected.newBuilder()
        .setJobId("j1").setAttempt(1).setCode(Status.Code.NOT_FOUND.value())
        .setDescription("unknown job")).build());
    listener.await("rejected j1/1");
    assertThat(spool.pending()).isEmpty();
  }

  @Test
  void close_stopsTheClient_andStartAfterCloseFails() throws InterruptedException {
    start();
    listener.await("connected s0");
    client.close();
    assertThat(client.awaitTermination(1, TimeUnit.SECONDS)).isTrue();
    assertThat(client.fatalStatus()).isEmpty();
    assertThatThrownBy(client::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void build_withoutTarget_fails() {
    assertThatThrownBy(() -> CollectorClient.builder(channel, spool).description(DESCRIPTION)
        .executor(this::measure).build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> CollectorClient.builder(channel, spool).bearerToken("a b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
