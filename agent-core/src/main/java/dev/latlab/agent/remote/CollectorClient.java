package dev.latlab.agent.remote;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.latlab.agent.Measurement;
import dev.latlab.proto.v1.AgentMessage;
import dev.latlab.proto.v1.AgentServiceGrpc;
import dev.latlab.proto.v1.Hello;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.ResultAck;
import dev.latlab.proto.v1.ResultRejected;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Status;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs an agent against a collector: keeps one {@code AgentService.Session} stream open over the
 * given channel, measures the jobs it is assigned on one worker thread, and sends each result after
 * it is in the {@link ResultSpool}; a result leaves the spool only when the collector acknowledges
 * or rejects it. After each Welcome the spool is replayed before any credit is granted.
 *
 * <p>A session that ends (collector restart, network loss, UNAVAILABLE, DEADLINE_EXCEEDED) is
 * reopened after an exponential back-off with jitter, reset by each Welcome. A status that retrying
 * cannot fix (UNAUTHENTICATED, PERMISSION_DENIED, UNIMPLEMENTED, or INVALID_ARGUMENT or
 * FAILED_PRECONDITION in answer to the Hello) stops the client and is reported to {@link
 * Listener#fatal}. The stream has no deadline, since it lives as long as the agent; a collector
 * that does not answer the Hello within the Welcome timeout is treated as unavailable. Detecting a
 * dead connection while idle is the channel's keep-alive setting.
 *
 * <p>A job the collector cancels is dropped if it is still queued; if it is being measured, it is
 * finished and its result is sent anyway: the collector stores a result at most once and decides
 * (ack or reject), and a valid measurement is never thrown away on the agent's side.
 *
 * <p>The caller owns the channel (and its transport) and the spool.
 */
public final class CollectorClient implements AutoCloseable {
  private static final Logger logger = Logger.getLogger(CollectorClient.class.getName());
  private static final long CLOSE_TIMEOUT_MILLIS = 5_000;

  private final Object lock = new Object();
  private final ScheduledThreadPoolExecutor control;
  private final SessionLoop loop;
  private final Dispatcher dispatcher;
  private final Thread loopThread;
  private final Thread workerThread;
  private final CountDownLatch terminated = new CountDownLatch(1);

  @GuardedBy("lock")
  private boolean started;

  @GuardedBy("lock")
  private boolean closed;

  // Called by CollectorClientBuilder with validated settings.
  CollectorClient(ClientSettings settings) {
    Listener listener = new SafeListener(settings.listener());
    control = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "latlab-collector-control"));
    control.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    control.setRemoveOnCancelPolicy(true);
    BlockingQueue<QueuedJob> queue = new ArrayBlockingQueue<>(settings.maxJobsInFlight());
    AtomicReference<QueuedJob> running = new AtomicReference<>();
    dispatcher = new Dispatcher(control, queue, running, settings.spool(), listener,
        settings.maxJobsInFlight(), settings.welcomeTimeout().toMillis());
    JobWorker worker = new JobWorker(queue, running, settings.executor(), settings.spool(),
        dispatcher, listener);
    loop = new SessionLoop(stub(settings), hello(settings), dispatcher, settings.backoff(),
        settings.sleeper(), listener);
    loopThread = daemon(this::runLoop, "latlab-collector-session");
    workerThread = daemon(worker, "latlab-measure");
  }

  /**
   * Returns a builder.
   *
   * @param channel the channel to the collector; the caller shuts it down after {@link #close()}
   * @param spool the spool of unacknowledged results
   * @return a new builder
   */
  public static CollectorClientBuilder builder(Channel channel, ResultSpool spool) {
    return new CollectorClientBuilder(channel, spool);
  }

  /**
   * Connects and starts taking jobs; returns at once.
   *
   * @throws IllegalStateException if already started or closed
   */
  public void start() {
    synchronized (lock) {
      if (started || closed) {
        throw new IllegalStateException(closed ? "client is closed" : "client already started");
      }
      started = true;
    }
    workerThread.start();
    loopThread.start();
  }

  /**
   * Waits until the client has stopped, after {@link #close()} or a fatal status.
   *
   * @param timeout how long to wait
   * @param unit unit of {@code timeout}
   * @return true if stopped, false if the time ran out
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return terminated.await(timeout, unit);
  }

  /**
   * Tells the collector why this agent holds back measurements (a phone that is too hot or low on
   * battery), or that it no longer does. Sent at once in a heartbeat if the reason changed, and
   * repeated by later heartbeats and after a reconnect. The caller does the holding back (see
   * the Android agent's pausing executor); this only reports it. Returns at once.
   *
   * @param reason one line, or empty when the agent measures again
   * @throws NullPointerException if {@code reason} is null
   */
  public void reportPaused(String reason) {
    dispatcher.paused(reason.replaceAll("\\s+", " ").trim());
  }

  /**
   * Returns the status that stopped the client, if the collector refused it.
   *
   * @return the fatal status, or empty if the client runs or was closed
   */
  public Optional<Status> fatalStatus() {
    return Optional.ofNullable(loop.fatalStatus());
  }

  /**
   * Ends the session and stops the threads, waiting up to 5 s. A measurement in progress is
   * interrupted where the executor allows it; if it still completes, its result is in the spool and
   * is sent by the next client on that spool. Idempotent.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      if (!started) {
        shutDown();
        return;
      }
    }
    loopThread.interrupt();
    try {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_TIMEOUT_MILLIS);
      boolean stopped = terminated.await(CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      workerThread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      if (!stopped || workerThread.isAlive()) {
        logger.warning("Collector client threads still running after " + CLOSE_TIMEOUT_MILLIS
            + " ms; a measurement may be in progress");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void runLoop() {
    try {
      loop.run();
    } finally {
      shutDown();
    }
  }

  private void shutDown() {
    workerThread.interrupt();
    control.shutdown();
    terminated.countDown();
  }

  private static AgentServiceGrpc.AgentServiceStub stub(ClientSettings settings) {
    Channel channel = settings.bearerToken() == null
        ? settings.channel()
        : ClientInterceptors.intercept(settings.channel(),
            new BearerTokenInterceptor(settings.bearerToken()));
    return AgentServiceGrpc.newStub(channel);
  }

  private static AgentMessage hello(ClientSettings settings) {
    return AgentMessage.newBuilder().setHello(Hello.newBuilder()
        .setAgentId(settings.agentId())
        .setTarget(settings.target())
        .setDescription(settings.description())
        .setAgentVersion(settings.agentVersion())).build();
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.setUncaughtExceptionHandler((t, e) ->
        logger.log(Level.SEVERE, "Thread " + t.getName() + " died", e));
    return thread;
  }

  /**
   * Progress of a client, e.g. for a command line's output. Called on the client's threads: return
   * quickly and do not block; an exception is logged and otherwise ignored.
   */
  public interface Listener {
    /**
     * The collector welcomed the agent.
     *
     * @param sessionId the collector's id of the session
     */
    default void connected(String sessionId) {}

    /**
     * A job was assigned.
     *
     * @param job the assignment
     */
    default void assigned(JobAssignment job) {}

    /**
     * A job was measured; its result is in the spool and about to be sent.
     *
     * @param job the assignment
     * @param measurement the measurement
     */
    default void measured(JobAssignment job, Measurement measurement) {}

    /**
     * A job could not be measured; the collector is sent a failure.
     *
     * @param job the assignment
     * @param reason one line saying what failed
     */
    default void failed(JobAssignment job, String reason) {}

    /**
     * The collector cancelled a job that was queued (dropped) or being measured (finished anyway).
     *
     * @param jobId the job
     * @param reason the collector's reason
     */
    default void cancelled(String jobId, String reason) {}

    /**
     * The collector stored a result (or had it already); it left the spool.
     *
     * @param ack the acknowledgement
     */
    default void acked(ResultAck ack) {}

    /**
     * The collector refused a result; it left the spool.
     *
     * @param rejected the code and description
     */
    default void rejected(ResultRejected rejected) {}

    /**
     * A session ended or could not be opened; the client reconnects after {@code retryIn}.
     *
     * @param status why it ended
     * @param retryIn the back-off delay
     */
    default void disconnected(Status status, Duration retryIn) {}

    /**
     * The collector refused the agent for good; the client has stopped.
     *
     * @param status e.g. UNAUTHENTICATED with the collector's description
     */
    default void fatal(Status status) {}
  }
}
