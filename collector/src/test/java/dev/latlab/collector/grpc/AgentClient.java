package dev.latlab.collector.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.latlab.proto.v1.AgentMessage;
import dev.latlab.proto.v1.AgentServiceGrpc;
import dev.latlab.proto.v1.CollectorMessage;
import dev.latlab.proto.v1.Credit;
import dev.latlab.proto.v1.Heartbeat;
import dev.latlab.proto.v1.Hello;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.JobCancel;
import dev.latlab.proto.v1.JobFailure;
import dev.latlab.proto.v1.JobResult;
import dev.latlab.proto.v1.ResultAck;
import dev.latlab.proto.v1.ResultRejected;
import dev.latlab.proto.v1.TargetDescription;
import dev.latlab.proto.v1.Welcome;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A scripted agent for tests: sends what the test says, queues what the collector sends. */
final class AgentClient implements AutoCloseable {
  private final BlockingQueue<CollectorMessage> inbox = new LinkedBlockingQueue<>();
  private final CompletableFuture<Status> closed = new CompletableFuture<>();
  private final StreamObserver<AgentMessage> out;
  final String agentId;
  final String target;

  /** Opens a stream; nothing is sent yet. The stub carries the headers and a deadline. */
  AgentClient(Channel channel, String agentId, String target) {
    this.agentId = agentId;
    this.target = target;
    this.out = AgentServiceGrpc.newStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS)
        .session(new StreamObserver<>() {
          @Override
          public void onNext(CollectorMessage message) {
            inbox.add(message);
          }

          @Override
          public void onError(Throwable t) {
            closed.complete(Status.fromThrowable(t));
          }

          @Override
          public void onCompleted() {
            closed.complete(Status.OK);
          }
        });
  }

  /** Sends the Hello and returns the Welcome. */
  Welcome connect() {
    send(AgentMessage.newBuilder().setHello(Hello.newBuilder().setAgentId(agentId)
        .setTarget(target).setAgentVersion("test")
        .setDescription(TargetDescription.newBuilder().setBackend("fake").setThreads(1)))
        .build());
    CollectorMessage welcome = next();
    assertThat(welcome.getKindCase()).isEqualTo(CollectorMessage.KindCase.WELCOME);
    return welcome.getWelcome();
  }

  void send(AgentMessage message) {
    out.onNext(message);
  }

  void credit(int jobs) {
    send(AgentMessage.newBuilder().setCredit(Credit.newBuilder().setJobs(jobs)).build());
  }

  void result(JobResult result) {
    send(AgentMessage.newBuilder().setResult(result).build());
  }

  void failure(JobAssignment job, String reason) {
    send(AgentMessage.newBuilder().setFailure(JobFailure.newBuilder().setJobId(job.getJobId())
        .setAttempt(job.getAttempt()).setReason(reason)).build());
  }

  void heartbeat() {
    send(AgentMessage.newBuilder().setHeartbeat(Heartbeat.newBuilder().setSentAtUnixMs(1))
        .build());
  }

  /**
   * Waits until the collector has handled everything sent so far: messages are handled in order,
   * and a result for an unknown job is answered with a rejection.
   */
  void sync() {
    result(JobResult.newBuilder().setJobId("sync").build());
    ResultRejected rejected = nextRejected();
    assertThat(rejected.getJobId()).isEqualTo("sync");
  }

  /** Half-closes the stream, as an agent that stops cleanly. */
  void hangUp() {
    out.onCompleted();
  }

  /** Cancels the stream, as a dropped connection. */
  void drop() {
    if (!closed.isDone()) {
      out.onError(Status.CANCELLED.withDescription("test drops the connection")
          .asRuntimeException());
    }
  }

  CollectorMessage next() {
    try {
      CollectorMessage message = inbox.poll(10, TimeUnit.SECONDS);
      if (message == null) {
        fail("agent " + agentId + " got no message within 10 s (stream closed: "
            + closed.getNow(null) + ")");
      }
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  JobAssignment nextAssignment() {
    return expect(CollectorMessage.KindCase.ASSIGNMENT).getAssignment();
  }

  ResultAck nextAck() {
    return expect(CollectorMessage.KindCase.ACK).getAck();
  }

  ResultRejected nextRejected() {
    return expect(CollectorMessage.KindCase.REJECTED).getRejected();
  }

  JobCancel nextCancel() {
    return expect(CollectorMessage.KindCase.CANCEL).getCancel();
  }

  /** Returns whether nothing has arrived that the test has not taken. */
  boolean inboxEmpty() {
    return inbox.isEmpty();
  }

  private CollectorMessage expect(CollectorMessage.KindCase kind) {
    CollectorMessage message = next();
    assertThat(message.getKindCase()).as("message %s", message).isEqualTo(kind);
    return message;
  }

  /** Waits for the end of the stream and returns its status. */
  Status awaitClosed() {
    try {
      return closed.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("stream of agent " + agentId + " did not close", e);
    }
  }

  boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    drop();
  }
}
