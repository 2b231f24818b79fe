package dev.latlab.agent.remote;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.latlab.proto.v1.AgentMessage;
import dev.latlab.proto.v1.AgentServiceGrpc;
import dev.latlab.proto.v1.CollectorMessage;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.JobResult;
import dev.latlab.proto.v1.ResultAck;
import dev.latlab.proto.v1.Welcome;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A test double of the collector's {@code AgentService}: NOT the real collector (module {@code
 * collector}, tested there and end to end against this client by the lead). It speaks just enough
 * of the protocol for client tests: checks the bearer token, welcomes every Hello (or fails it with
 * a scripted status), assigns queued jobs as credit arrives, acknowledges results when {@link
 * #autoAck} is on, and records every message per session. Tests wait on it with {@link #await}.
 */
final class FakeCollector extends AgentServiceGrpc.AgentServiceImplBase {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final Object lock = new Object();
  /** If set, a call without {@code Bearer <token>} is closed with UNAUTHENTICATED. */
  volatile String requiredToken;
  /** If set, a Hello is answered with this status instead of a Welcome. */
  volatile Status helloError;
  /** If false, a Hello gets no answer at all. */
  volatile boolean answerHello = true;
  /** Whether results are acknowledged at once. */
  volatile boolean autoAck = true;
  volatile long heartbeatIntervalMs = 60_000;

  @GuardedBy("lock")
  private final Deque<JobAssignment> jobs = new ArrayDeque<>();

  @GuardedBy("lock")
  private final List<Conn> sessions = new ArrayList<>();

  @GuardedBy("lock")
  private final List<String> authorizations = new ArrayList<>();

  /** Returns the service with its token check, for {@code addService}. */
  ServerServiceDefinition definition() {
    return ServerInterceptors.intercept(this, new TokenCheck());
  }

  /** Queues jobs; they are assigned as the current session has credit. */
  void addJobs(JobAssignment... assignments) {
    synchronized (lock) {
      jobs.addAll(List.of(assignments));
      sessions.forEach(Conn::assign);
      lock.notifyAll();
    }
  }

  /** Returns every authorization header seen (null if absent), one per call. */
  List<String> authorizations() {
    synchronized (lock) {
      return new ArrayList<>(authorizations);
    }
  }

  /** Returns how many session streams reached the service. */
  int sessionCount() {
    synchronized (lock) {
      return sessions.size();
    }
  }

  /** Returns whether session {@code i} has ended (cancelled by the agent, or dropped). */
  boolean ended(int i) {
    synchronized (lock) {
      return sessions.get(i).ended;
    }
  }

  /** Returns the messages received on session {@code i} (0-based), in order. */
  List<AgentMessage> received(int i) {
    synchronized (lock) {
      return i < sessions.size() ? new ArrayList<>(sessions.get(i).received) : List.of();
    }
  }

  /** Returns the results received on session {@code i}. */
  List<JobResult> results(int i) {
    return received(i).stream().filter(AgentMessage::hasResult).map(AgentMessage::getResult)
        .toList();
  }

  /** Returns how many messages of a kind session {@code i} received. */
  long count(int i, AgentMessage.KindCase kind) {
    return received(i).stream().filter(m -> m.getKindCase() == kind).count();
  }

  /** Sends a message on session {@code i}. */
  void send(int i, CollectorMessage message) {
    synchronized (lock) {
      sessions.get(i).out.onNext(message);
    }
  }

  /** Ends session {@code i} with an error status, as a collector shutting down would. */
  void drop(int i, Status status) {
    synchronized (lock) {
      Conn conn = sessions.get(i);
      conn.ended = true;
      conn.out.onError(status.asRuntimeException());
    }
  }

  /** Waits up to 10 s for a condition on this collector's state; fails the test otherwise. */
  void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    synchronized (lock) {
      while (!condition.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("timed out waiting for " + what);
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  @Override
  public StreamObserver<AgentMessage> session(StreamObserver<CollectorMessage> out) {
    synchronized (lock) {
      Conn conn = new Conn(sessions.size(), out);
      sessions.add(conn);
      ((ServerCallStreamObserver<CollectorMessage>) out).setOnCancelHandler(() -> {
        synchronized (lock) {
          conn.ended = true;
          lock.notifyAll();
        }
      });
      lock.notifyAll();
      return conn;
    }
  }

  /** One agent session; every method runs under the collector's lock. */
  private final class Conn implements StreamObserver<AgentMessage> {
    private final int index;
    private final StreamObserver<CollectorMessage> out;
    private final List<AgentMessage> received = new ArrayList<>();
    private int credit;
    private boolean ended;

    Conn(int index, StreamObserver<CollectorMessage> out) {
      this.index = index;
      this.out = out;
    }

    @Override
    public void onNext(AgentMessage message) {
      synchronized (lock) {
        received.add(message);
        react(message);
        lock.notifyAll();
      }
    }

    private void react(AgentMessage message) {
      switch (message.getKindCase()) {
        case HELLO -> hello();
        case CREDIT -> {
          credit += message.getCredit().getJobs();
          assign();
        }
        case RESULT -> {
          if (autoAck) {
            ack(message.getResult());
          }
        }
        default -> { }
      }
    }

    private void hello() {
      if (helloError != null) {
        ended = true;
        out.onError(helloError.asRuntimeException());
      } else if (answerHello) {
        out.onNext(CollectorMessage.newBuilder().setWelcome(Welcome.newBuilder()
            .setSessionId("s" + index).setHeartbeatIntervalMs(heartbeatIntervalMs)
            .setLeaseTimeoutMs(60_000)).build());
      }
    }

    void assign() {
      while (!ended && credit > 0 && !jobs.isEmpty()) {
        credit--;
        out.onNext(CollectorMessage.newBuilder().setAssignment(jobs.poll()).build());
      }
    }

    private void ack(JobResult result) {
      out.onNext(CollectorMessage.newBuilder().setAck(ResultAck.newBuilder()
          .setJobId(result.getJobId()).setAttempt(result.getAttempt())).build());
    }

    @Override
    public void onError(Throwable t) {
      synchronized (lock) {
        ended = true;
        lock.notifyAll();
      }
    }

    @Override
    public void onCompleted() {
      synchronized (lock) {
        ended = true;
        out.onCompleted();
        lock.notifyAll();
      }
    }
  }

  /** Records the authorization header and refuses a wrong token. */
  private final class TokenCheck implements ServerInterceptor {
    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call,
        Metadata headers, ServerCallHandler<ReqT, RespT> next) {
      String header = headers.get(AUTHORIZATION);
      synchronized (lock) {
        authorizations.add(header);
        lock.notifyAll();
      }
      String token = requiredToken;
      if (token != null && !("Bearer " + token).equals(header)) {
        call.close(Status.UNAUTHENTICATED.withDescription("invalid bearer token"),
            new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return next.startCall(call, headers);
    }
  }
}
