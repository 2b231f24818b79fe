package dev.latlab.cli.collector;

import dev.latlab.proto.v1.AgentMessage;
import dev.latlab.proto.v1.AgentServiceGrpc;
import dev.latlab.proto.v1.CollectorMessage;
import dev.latlab.proto.v1.Credit;
import dev.latlab.proto.v1.Heartbeat;
import dev.latlab.proto.v1.Hello;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.ResultAck;
import dev.latlab.proto.v1.TargetDescription;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One agent that speaks the real session protocol without measuring: Hello, then credit once
 * welcomed, a {@link SyntheticResult} for every assignment at once, and one more credit per
 * acknowledgement, so that {@code credit} jobs stay in flight. Heartbeats keep an idle session
 * alive. Responses arrive one at a time (gRPC serialises a call's callbacks), so only sending, which
 * heartbeats also do from another thread, takes the lock; the credit bounds what is in flight, so
 * the outbound buffer stays small.
 */
final class SimulatedAgent implements ClientResponseObserver<AgentMessage, CollectorMessage> {
  private final String agentId;
  private final String target;
  private final int credit;
  private final SyntheticResult results;
  private final AckRecorder recorder;
  private final CountDownLatch welcomed = new CountDownLatch(1);
  private final Object sendLock = new Object();
  // Touched only by response callbacks, which gRPC never runs concurrently for one call.
  private final Map<String, Long> sentAt = new HashMap<>();
  private final List<String> acked = new ArrayList<>();
  private ClientCallStreamObserver<AgentMessage> requests; // guarded by sendLock once started
  private volatile long heartbeatNanos = Long.MAX_VALUE;
  private volatile long lastSentNanos = System.nanoTime();
  private volatile boolean ended;

  private SimulatedAgent(String agentId, String target, int credit, SyntheticResult results,
      AckRecorder recorder) {
    this.agentId = agentId;
    this.target = target;
    this.credit = credit;
    this.results = results;
    this.recorder = recorder;
  }

  /**
   * Opens the agent's session on the channel and sends its Hello.
   *
   * @param credit jobs kept in flight; 0 for an agent that only connects and idles
   * @param deadline how long the session may last
   */
  static SimulatedAgent connect(Channel channel, String agentId, String target, int credit,
      AckRecorder recorder, Duration deadline) {
    SimulatedAgent agent = new SimulatedAgent(agentId, target, credit,
        new SyntheticResult(agentId.hashCode()), recorder);
    AgentServiceGrpc.newStub(channel).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .session(agent);
    agent.send(AgentMessage.newBuilder().setHello(agent.hello()).build());
    return agent;
  }

  private Hello hello() {
    TargetDescription description = TargetDescription.newBuilder()
        .setDeviceFingerprint("latlab-bench").setBackend("synthetic").setThreads(1).build();
    return Hello.newBuilder().setAgentId(agentId).setTarget(target).setDescription(description)
        .setAgentVersion("bench").build();
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<AgentMessage> requestStream) {
    this.requests = requestStream;
  }

  @Override
  public void onNext(CollectorMessage message) {
    switch (message.getKindCase()) {
      case WELCOME -> onWelcome(message.getWelcome().getHeartbeatIntervalMs());
      case ASSIGNMENT -> onAssignment(message.getAssignment());
      case ACK -> onAck(message.getAck());
      case REJECTED -> {
        sentAt.remove(message.getRejected().getJobId());
        recorder.rejected(message.getRejected().getDescription());
        grant(1);
      }
      case CANCEL -> sentAt.remove(message.getCancel().getJobId());
      default -> { } // a kind newer than this agent
    }
  }

  private void onWelcome(long heartbeatIntervalMs) {
    heartbeatNanos = TimeUnit.MILLISECONDS.toNanos(heartbeatIntervalMs);
    welcomed.countDown();
    if (credit > 0) {
      grant(credit);
    }
  }

  private void onAssignment(JobAssignment job) {
    AgentMessage result = AgentMessage.newBuilder().setResult(results.answer(job)).build();
    sentAt.put(job.getJobId(), System.nanoTime());
    send(result);
  }

  private void onAck(ResultAck ack) {
    Long sent = sentAt.remove(ack.getJobId());
    if (sent != null) {
      acked.add(ack.getJobId()); // before the recorder's count, which publishes it
      recorder.acked(System.nanoTime() - sent, ack.getDuplicate());
    }
    grant(1);
  }

  private void grant(int jobs) {
    send(AgentMessage.newBuilder().setCredit(Credit.newBuilder().setJobs(jobs)).build());
  }

  @Override
  public void onError(Throwable t) {
    ended = true;
    welcomed.countDown();
    recorder.broken(agentId, Status.fromThrowable(t).toString());
  }

  @Override
  public void onCompleted() {
    ended = true;
  }

  /** Sends a heartbeat if the agent sent nothing for a heartbeat interval. */
  void heartbeatIfIdle(long nowNanos) {
    if (nowNanos - lastSentNanos >= heartbeatNanos) {
      send(AgentMessage.newBuilder().setHeartbeat(
          Heartbeat.newBuilder().setSentAtUnixMs(System.currentTimeMillis())).build());
    }
  }

  /** Waits for the Welcome (or the end of the stream); returns whether it came. */
  boolean awaitWelcome(Duration timeout) throws InterruptedException {
    return welcomed.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && !ended;
  }

  /** Returns the jobs acknowledged; read after the run. */
  List<String> acked() {
    return acked;
  }

  /** Ends the session from the agent's side (half-close). */
  void close() {
    synchronized (sendLock) {
      if (!ended) {
        ended = true;
        requests.onCompleted();
      }
    }
  }

  private void send(AgentMessage message) {
    synchronized (sendLock) {
      if (ended) {
        return;
      }
      lastSentNanos = System.nanoTime();
      requests.onNext(message);
    }
  }
}
