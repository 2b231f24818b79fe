package dev.latlab.agent.remote;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.latlab.proto.v1.AgentMessage;
import dev.latlab.proto.v1.AgentServiceGrpc;
import dev.latlab.proto.v1.CollectorMessage;
import dev.latlab.proto.v1.JobResult;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One {@code Session} stream. Outbound messages from any thread go through one outbox, sent while
 * the stream {@code isReady()} and resumed by its on-ready handler, so calls on the stream are
 * serialised and a slow link buffers in the outbox rather than in gRPC. Inbound messages are handed
 * to the {@link Dispatcher}, which handles them on its own thread: gRPC callbacks never block.
 */
final class Session implements ClientResponseObserver<AgentMessage, CollectorMessage> {
  private static final Logger logger = Logger.getLogger(Session.class.getName());
  private final Object lock = new Object();
  private final Dispatcher dispatcher;
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile boolean welcomed;
  private volatile Status endStatus;
  private volatile Throwable endError;

  @GuardedBy("lock")
  private ClientCallStreamObserver<AgentMessage> call;

  @GuardedBy("lock")
  private final ArrayDeque<AgentMessage> outbox = new ArrayDeque<>();

  @GuardedBy("lock")
  private final Set<String> resultsSent = new HashSet<>();

  @GuardedBy("lock")
  private boolean closed;

  Session(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** Starts the stream and sends the Hello. */
  void open(AgentServiceGrpc.AgentServiceStub stub, AgentMessage hello) {
    try {
      stub.session(this);
    } catch (RuntimeException e) {
      // E.g. a channel that was shut down: retried like UNAVAILABLE.
      end(Status.fromThrowable(e), e);
      return;
    }
    send(hello);
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<AgentMessage> requestStream) {
    synchronized (lock) {
      call = requestStream;
    }
    requestStream.setOnReadyHandler(this::pump);
  }

  @Override
  public void onNext(CollectorMessage message) {
    if (message.hasWelcome()) {
      welcomed = true;
    }
    dispatcher.received(this, message);
  }

  @Override
  public void onError(Throwable t) {
    end(Status.fromThrowable(t), t);
  }

  @Override
  public void onCompleted() {
    end(Status.UNAVAILABLE.withDescription("the collector ended the session"), null);
  }

  /**
   * Queues a message; dropped if the stream has ended.
   *
   * @return false if the stream has ended
   */
  boolean send(AgentMessage message) {
    synchronized (lock) {
      if (closed) {
        return false;
      }
      outbox.add(message);
      pump();
      return true;
    }
  }

  /** Sends a result unless this session already sent that job attempt's result. */
  boolean sendResult(JobResult result) {
    synchronized (lock) {
      String key = result.getAttempt() + "/" + result.getJobId();
      return !closed && resultsSent.add(key)
          && send(AgentMessage.newBuilder().setResult(result).build());
    }
  }

  /** Sends a message only if nothing else is waiting (heartbeats: other traffic shows liveness). */
  boolean sendIfIdle(AgentMessage message) {
    synchronized (lock) {
      return outbox.isEmpty() && send(message);
    }
  }

  /** Cancels the stream (the collector sees the call cancelled); no-op once ended. */
  void cancel(String reason) {
    synchronized (lock) {
      if (call != null && !closed) {
        closed = true; // no message may follow a cancel
        outbox.clear();
        call.cancel(reason, null);
      }
    }
  }

  /** Waits until the stream has ended and returns its status. */
  Status awaitEnd() throws InterruptedException {
    ended.await();
    return endStatus;
  }

  /** Returns the exception the stream ended with, or null. */
  Throwable endError() {
    return endError;
  }

  /** Returns whether the collector answered the Hello with a Welcome. */
  boolean welcomed() {
    return welcomed;
  }

  private void pump() {
    synchronized (lock) {
      try {
        while (!closed && call != null && call.isReady() && !outbox.isEmpty()) {
          call.onNext(outbox.poll());
        }
      } catch (IllegalStateException e) {
        // The call ended between isReady() and onNext(); onError follows and ends the session.
        logger.log(Level.FINE, "Session stream closed while sending", e);
        closed = true;
        outbox.clear();
      }
    }
  }

  private void end(Status status, Throwable error) {
    synchronized (lock) {
      closed = true;
      outbox.clear();
    }
    endError = error;
    endStatus = status;
    ended.countDown();
  }
}
