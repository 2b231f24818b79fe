package dev.latlab.agent.remote;

import dev.latlab.agent.Sleeper;
import dev.latlab.proto.v1.AgentMessage;
import dev.latlab.proto.v1.AgentServiceGrpc;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The session thread: opens a session, waits for it to end, and reconnects after a back-off, until
 * the thread is interrupted (close) or the collector refuses the agent for good (a fatal status).
 */
final class SessionLoop implements Runnable {
  private static final Logger logger = Logger.getLogger(SessionLoop.class.getName());
  private static final int LOG_EVERY_FAILURES = 10;

  private final AgentServiceGrpc.AgentServiceStub stub;
  private final AgentMessage hello;
  private final Dispatcher dispatcher;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final CollectorClient.Listener listener;
  private final AtomicReference<Status> fatal = new AtomicReference<>();
  private int failures;

  SessionLoop(AgentServiceGrpc.AgentServiceStub stub, AgentMessage hello, Dispatcher dispatcher,
      Backoff backoff, Sleeper sleeper, CollectorClient.Listener listener) {
    this.stub = stub;
    this.hello = hello;
    this.dispatcher = dispatcher;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.listener = listener;
  }

  /**
   * Returns whether a session's end status means retrying cannot help: a bad or missing token, an
   * agent the collector does not allow, a collector without the agent service, or a Hello the
   * collector refused (INVALID_ARGUMENT and FAILED_PRECONDITION before the Welcome). The same
   * codes after a Welcome end one session only.
   */
  static boolean isFatal(Status.Code code, boolean welcomed) {
    return switch (code) {
      case UNAUTHENTICATED, PERMISSION_DENIED, UNIMPLEMENTED -> true;
      case INVALID_ARGUMENT, FAILED_PRECONDITION -> !welcomed;
      default -> false;
    };
  }

  /** Returns the status that stopped the client, or null. */
  Status fatalStatus() {
    return fatal.get();
  }

  @Override
  public void run() {
    Session session = null;
    try {
      while (!Thread.currentThread().isInterrupted()) {
        session = new Session(dispatcher);
        if (!runSession(session)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      logger.fine("Session loop stopped");
    } finally {
      if (session != null) {
        session.cancel("the agent is stopping");
        dispatcher.detach(session);
      }
    }
  }

  /** Runs one session to its end; returns false if the client must stop. */
  private boolean runSession(Session session) throws InterruptedException {
    dispatcher.attach(session);
    session.open(stub, hello);
    Status end = session.awaitEnd();
    dispatcher.detach(session);
    if (Thread.currentThread().isInterrupted()) {
      return false;
    }
    if (isFatal(end.getCode(), session.welcomed())) {
      stop(end, session.endError());
      return false;
    }
    if (session.welcomed()) {
      backoff.reset();
    }
    long delay = backoff.nextDelayNanos();
    logEnd(end, session, delay);
    listener.disconnected(end, Duration.ofNanos(delay));
    sleeper.sleep(delay);
    return true;
  }

  private void stop(Status end, Throwable error) {
    fatal.set(end);
    logger.log(Level.SEVERE,
        "The collector refused this agent (" + describe(end) + "); not retrying", error);
    listener.fatal(end);
  }

  private void logEnd(Status end, Session session, long delayNanos) {
    failures = session.welcomed() ? 0 : failures + 1;
    String text = (session.welcomed() ? "Session ended: " : "Could not connect to the collector: ")
        + describe(end) + "; retrying in "
        + Duration.ofNanos(delayNanos).toMillis() + " ms";
    // Repeated failures while the collector is down are logged at FINE, except every tenth.
    boolean loud = failures <= 1 || failures % LOG_EVERY_FAILURES == 0;
    logger.log(loud ? Level.WARNING : Level.FINE, text, session.endError());
  }

  private static String describe(Status status) {
    return status.getDescription() == null
        ? status.getCode().toString()
        : status.getCode() + ": " + status.getDescription();
  }
}
