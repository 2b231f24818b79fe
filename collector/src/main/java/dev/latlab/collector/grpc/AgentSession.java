package dev.latlab.collector.grpc;

import dev.latlab.collector.store.AgentRow;
import dev.latlab.proto.v1.AgentMessage;
import dev.latlab.proto.v1.CollectorMessage;
import dev.latlab.proto.v1.Credit;
import dev.latlab.proto.v1.Heartbeat;
import dev.latlab.proto.v1.Hello;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.JobCancel;
import dev.latlab.proto.v1.JobFailure;
import dev.latlab.proto.v1.Welcome;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One agent's stream. gRPC calls {@link #onNext} one message at a time; everything that reaches the
 * agent goes through the {@link Outbox}, from whichever thread. The session ends (once) when the
 * agent closes or breaks the stream, breaks the protocol, stays silent past the lease timeout, is
 * superseded by a newer session of the same agent, or the collector shuts down; its leases then go
 * back to the queue.
 */
final class AgentSession implements StreamObserver<AgentMessage>, Lessee {
  private static final Logger logger = Logger.getLogger(AgentSession.class.getName());

  private final SessionContext context;
  private final Outbox<CollectorMessage> outbox;
  private final String sessionId;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile long lastSeenNanos;
  private volatile long lastSeenMillis;
  private volatile Hello hello;
  private volatile String pausedReason = "";

  AgentSession(SessionContext context, ServerCallStreamObserver<CollectorMessage> call,
      String sessionId) {
    this.context = context;
    this.outbox = new Outbox<>(call);
    this.sessionId = sessionId;
    touch();
  }

  @Override
  public void onNext(AgentMessage message) {
    touch();
    if (ended.get()) {
      return;
    }
    AgentMessage.KindCase kind = message.getKindCase();
    if (kind == AgentMessage.KindCase.HELLO) {
      onHello(message.getHello());
    } else if (hello == null) {
      end(Status.FAILED_PRECONDITION.withDescription(
          "the first message of a session must be a Hello, not " + kind));
    } else if (kind == AgentMessage.KindCase.RESULT) {
      context.results().handle(this, message.getResult());
      return; // asks for the next message once the result is handled
    } else if (kind == AgentMessage.KindCase.CREDIT) {
      onCredit(message.getCredit());
    } else if (kind == AgentMessage.KindCase.FAILURE) {
      onFailure(message.getFailure());
    } else if (kind == AgentMessage.KindCase.HEARTBEAT) {
      onHeartbeat(message.getHeartbeat());
    } // A kind newer than this collector only proves the agent is alive.
    outbox.requestInbound();
  }

  @Override
  public void onError(Throwable t) {
    logger.log(Level.FINE, "Session " + sessionId + " broke", t);
    abandon();
  }

  @Override
  public void onCompleted() {
    end(Status.OK);
  }

  /** The call's cancel handler: the client went away. */
  void onCancelled() {
    abandon();
  }

  /** The call's on-ready handler: the transport accepts more messages. */
  void onReady() {
    outbox.drain();
  }

  /** Ends the session because it was silent too long. */
  void expire() {
    long seconds = context.leaseTimeout().toSeconds();
    end(Status.UNAVAILABLE.withDescription(
        "no message for " + seconds + " s: the session's leases expired; reconnect"));
  }

  /** Ends the stream with the status (OK completes it) and returns the leases to the queue. */
  void end(Status status) {
    if (ended.compareAndSet(false, true)) {
      outbox.close(status);
      cleanUp(status);
    }
  }

  private void abandon() {
    if (ended.compareAndSet(false, true)) {
      outbox.abandon();
      cleanUp(Status.CANCELLED);
    }
  }

  private void cleanUp(Status status) {
    context.registry().remove(this);
    if (isBound()) { // only a bound session was attached to the scheduler
      int released = context.scheduler().detach(this);
      persist();
      logger.info("Session " + sessionId + " of agent " + agentId() + " ended (" + status.getCode()
          + (status.getDescription() == null ? "" : ": " + status.getDescription()) + "); "
          + released + " leases released");
    }
  }

  private void onHello(Hello message) {
    if (hello != null) {
      end(Status.FAILED_PRECONDITION.withDescription("a session takes one Hello; got a second"));
      return;
    }
    String problem = Names.agentIdProblem(message.getAgentId());
    problem = problem != null ? problem : Names.targetProblem(message.getTarget());
    if (problem != null) {
      end(Status.INVALID_ARGUMENT.withDescription("bad Hello: " + problem));
      return;
    }
    hello = message;
    register();
    persist();
    // Last: once the agent sees the Welcome, the session is registered (a quick reconnect must
    // find this session to supersede it, not the other way round).
    outbox.send(CollectorMessage.newBuilder().setWelcome(welcome()).build());
    logger.info("Session " + sessionId + " of agent " + agentId() + " (target " + target()
        + ") opened");
  }

  private void register() {
    AgentSession previous = context.registry().bind(this);
    if (previous != null) {
      previous.end(Status.UNAVAILABLE.withDescription(
          "superseded by a newer session of agent " + agentId()));
    }
    context.scheduler().attach(this);
    if (ended.get()) { // ended meanwhile (expired, shut down): undo, as its clean-up may have run
      context.registry().remove(this);
      context.scheduler().detach(this);
    }
  }

  private Welcome welcome() {
    return Welcome.newBuilder()
        .setSessionId(sessionId)
        .setHeartbeatIntervalMs(context.heartbeatInterval().toMillis())
        .setLeaseTimeoutMs(context.leaseTimeout().toMillis())
        .build();
  }

  private void onCredit(Credit credit) {
    if (credit.getJobs() < 1) {
      end(Status.INVALID_ARGUMENT.withDescription(
          "credit must be at least 1 job: " + credit.getJobs()));
      return;
    }
    context.scheduler().grant(this, credit.getJobs());
  }

  private void onFailure(JobFailure failure) {
    String reason = failure.getReason().length() > 1000
        ? failure.getReason().substring(0, 1000) : failure.getReason();
    Scheduler.FailOutcome outcome =
        context.scheduler().fail(failure.getJobId(), failure.getAttempt(), this, reason);
    logger.info("Agent " + agentId() + " failed job " + failure.getJobId() + " attempt "
        + failure.getAttempt() + " (" + outcome + "): " + Names.printable(reason));
  }

  private void onHeartbeat(Heartbeat heartbeat) {
    String reason = Names.printable(heartbeat.getPausedReason());
    if (!reason.equals(pausedReason)) {
      logger.info("Agent " + agentId() + (reason.isEmpty() ? " resumed" : " paused: " + reason));
      pausedReason = reason;
    }
  }

  // Stores the agent with its latest last-seen time; a failure only costs freshness.
  private void persist() {
    Hello h = hello;
    AgentRow row = new AgentRow(h.getAgentId(), h.getTarget(), h.getDescription().toByteArray(),
        lastSeenMillis, 0);
    try {
      context.store().upsertAgent(row).whenComplete((ignored, e) -> {
        if (e != null) {
          logger.log(Level.WARNING, "Could not store agent " + h.getAgentId(), e);
        }
      });
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "Could not store agent " + h.getAgentId(), e);
    }
  }

  private void touch() {
    lastSeenNanos = context.ticker().nanoTime();
    lastSeenMillis = context.clock().millis();
  }

  /** Queues a message to the agent. */
  void send(CollectorMessage message) {
    outbox.send(message);
  }

  /** Asks for the agent's next message (flow control). */
  void requestInbound() {
    outbox.requestInbound();
  }

  @Override
  public void assign(JobAssignment assignment) {
    send(CollectorMessage.newBuilder().setAssignment(assignment).build());
  }

  @Override
  public void cancel(String jobId, String reason) {
    JobCancel cancel = JobCancel.newBuilder().setJobId(jobId).setReason(reason).build();
    send(CollectorMessage.newBuilder().setCancel(cancel).build());
  }

  @Override
  public String agentId() {
    return hello.getAgentId();
  }

  @Override
  public String target() {
    return hello.getTarget();
  }

  /** Returns whether the Hello has arrived. */
  boolean isBound() {
    return hello != null;
  }

  /** Returns the Hello (null before it arrives). */
  Hello hello() {
    return hello;
  }

  /** Returns why the agent holds back measurements, as its last heartbeat said; empty if not. */
  String pausedReason() {
    return pausedReason;
  }

  long lastSeenNanos() {
    return lastSeenNanos;
  }

  long lastSeenMillis() {
    return lastSeenMillis;
  }

  String sessionId() {
    return sessionId;
  }
}
