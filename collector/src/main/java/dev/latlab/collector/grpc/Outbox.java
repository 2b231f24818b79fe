package dev.latlab.collector.grpc;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayDeque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sending side of one agent session. {@code StreamObserver} is not thread-safe, yet messages to
 * one agent come from several threads (its own callbacks, store completions, other sessions'
 * scheduling); the outbox queues them and one thread at a time hands them to gRPC, and only while
 * the transport {@link ServerCallStreamObserver#isReady() is ready}, so no thread ever blocks. It
 * also meters inbound messages: while many messages wait to go out, requests for more inbound
 * messages are held back, so an agent that does not read cannot make the collector buffer without
 * bound.
 *
 * @param <T> the message type
 */
final class Outbox<T> {
  private static final Logger logger = Logger.getLogger(Outbox.class.getName());

  /** Queued messages from which inbound requests are held back. */
  static final int HIGH_WATER = 64;

  private final ServerCallStreamObserver<T> call;
  private final Object lock = new Object();
  // @GuardedBy("lock") on all of the following.
  private final ArrayDeque<T> queue = new ArrayDeque<>();
  private boolean draining;
  private Status closing;
  private boolean terminated;
  private int heldRequests;

  Outbox(ServerCallStreamObserver<T> call) {
    this.call = call;
  }

  /** Queues a message and sends what the transport accepts; dropped once closing. */
  void send(T message) {
    synchronized (lock) {
      if (closing != null) {
        return;
      }
      queue.add(message);
    }
    drain();
  }

  /** Asks for one more inbound message, now or once the queue has shrunk below the high water. */
  void requestInbound() {
    synchronized (lock) {
      if (closing != null) {
        return;
      }
      if (queue.size() >= HIGH_WATER) {
        heldRequests++;
        return;
      }
    }
    call.request(1);
  }

  /**
   * Ends the stream: OK completes it after the queued messages; any other status drops them and
   * ends the stream with that error at once.
   */
  void close(Status status) {
    synchronized (lock) {
      if (closing != null) {
        return;
      }
      closing = status;
      if (!status.isOk()) {
        queue.clear();
      }
    }
    drain();
  }

  /** Forgets everything without touching the call: the client has gone. */
  void abandon() {
    synchronized (lock) {
      closing = Status.CANCELLED;
      terminated = true;
      queue.clear();
    }
  }

  /** Sends queued messages while the transport is ready; the call's on-ready handler. */
  void drain() {
    synchronized (lock) {
      if (draining || terminated) {
        return;
      }
      draining = true;
    }
    try {
      while (step()) {
        // Each step sends one message, or the end of the stream.
      }
    } catch (Error e) {
      synchronized (lock) {
        draining = false;
      }
      throw e;
    }
  }

  // Sends the next message, or ends the stream; false when done. Clears the draining flag in the
  // same critical section that finds nothing to do, so a message queued meanwhile is never
  // stranded.
  private boolean step() {
    T next = null;
    Status end = null;
    int release = 0;
    synchronized (lock) {
      if (terminated) {
        draining = false;
        return false;
      } else if (!queue.isEmpty() && call.isReady()) {
        next = queue.poll();
        if (queue.size() < HIGH_WATER / 2) {
          release = heldRequests;
          heldRequests = 0;
        }
      } else if (queue.isEmpty() && closing != null) {
        end = closing;
        terminated = true;
      } else {
        draining = false;
        return false;
      }
    }
    transmit(next, end, release);
    return true;
  }

  private void transmit(T next, Status end, int release) {
    try {
      if (release > 0) {
        call.request(release);
      }
      if (next != null) {
        call.onNext(next);
      } else if (end.isOk()) {
        call.onCompleted();
      } else {
        call.onError(end.asRuntimeException());
      }
    } catch (RuntimeException e) {
      // The call ended under us (client cancelled or deadline passed); nothing more can be sent.
      logger.log(Level.FINE, "Stream ended while sending", e);
      abandon();
    }
  }
}
