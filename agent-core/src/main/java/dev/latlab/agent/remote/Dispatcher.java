package dev.latlab.agent.remote;

import dev.latlab.proto.v1.AgentMessage;
import dev.latlab.proto.v1.CollectorMessage;
import dev.latlab.proto.v1.Credit;
import dev.latlab.proto.v1.Heartbeat;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.JobCancel;
import dev.latlab.proto.v1.JobFailure;
import dev.latlab.proto.v1.JobResult;
import dev.latlab.proto.v1.ResultAck;
import dev.latlab.proto.v1.ResultRejected;
import dev.latlab.proto.v1.Welcome;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's side of the session protocol. Its entry points may be called from any thread; each
 * hops to the single control thread, which owns every field below, so the state needs no lock and
 * gRPC callbacks never wait for file I/O or the listener.
 *
 * <p>Credit: after a Welcome (and the replay of the spool) the session is granted {@code
 * maxJobsInFlight}; each job of that session that is done (result or failure sent) or cancelled
 * while queued frees one credit. Jobs left from an earlier session free none: the new session
 * started with its full credit.
 */
final class Dispatcher {
  private static final Logger logger = Logger.getLogger(Dispatcher.class.getName());
  /** Used when a Welcome leaves the heartbeat interval unset. */
  private static final long DEFAULT_HEARTBEAT_MILLIS = 10_000;

  private final ScheduledExecutorService control;
  private final BlockingQueue<QueuedJob> queue;
  private final AtomicReference<QueuedJob> running;
  private final ResultSpool spool;
  private final CollectorClient.Listener listener;
  private final int maxJobsInFlight;
  private final long welcomeTimeoutMillis;
  private Session current;
  private boolean welcomed;
  private ScheduledFuture<?> heartbeats;
  private String pausedReason = "";

  Dispatcher(ScheduledExecutorService control, BlockingQueue<QueuedJob> queue,
      AtomicReference<QueuedJob> running, ResultSpool spool, CollectorClient.Listener listener,
      int maxJobsInFlight, long welcomeTimeoutMillis) {
    this.control = control;
    this.queue = queue;
    this.running = running;
    this.spool = spool;
    this.listener = listener;
    this.maxJobsInFlight = maxJobsInFlight;
    this.welcomeTimeoutMillis = welcomeTimeoutMillis;
  }

  /** Makes a session current before its stream starts. */
  void attach(Session session) {
    submit(() -> onAttach(session));
  }

  /** Handles a message the collector sent on a session. */
  void received(Session session, CollectorMessage message) {
    submit(() -> onMessage(session, message));
  }

  /** Forgets a session whose stream has ended. */
  void detach(Session session) {
    submit(() -> onDetach(session));
  }

  /**
   * Records why the agent holds back measurements (empty: it does not) and, if that changed, tells
   * the collector at once with a heartbeat; later heartbeats repeat it.
   */
  void paused(String reason) {
    submit(() -> onPaused(reason));
  }

  /** Reports a job's outcome (a result already in the spool, or a failure). */
  void jobDone(QueuedJob job, AgentMessage outcome) {
    submit(() -> onJobDone(job, outcome));
  }

  private void submit(Runnable task) {
    try {
      control.execute(() -> runSafely(task));
    } catch (RejectedExecutionException e) {
      logger.log(Level.FINE, "Client is stopping; dropped a session event", e);
    }
  }

  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "Session event failed", e);
    }
  }

  private void onAttach(Session session) {
    current = session;
    welcomed = false;
    control.schedule(() -> runSafely(() -> {
      if (!session.welcomed()) {
        session.cancel("no Welcome within " + welcomeTimeoutMillis + " ms");
      }
    }), welcomeTimeoutMillis, TimeUnit.MILLISECONDS);
  }

  private void onMessage(Session session, CollectorMessage message) {
    switch (message.getKindCase()) {
      case WELCOME -> onWelcome(session, message.getWelcome());
      case ASSIGNMENT -> onAssignment(session, message.getAssignment());
      case CANCEL -> onCancel(message.getCancel());
      case ACK -> onAck(message.getAck());
      case REJECTED -> onRejected(message.getRejected());
      default -> logger.fine("Ignoring a collector message of unknown kind " + message);
    }
  }

  private void onWelcome(Session session, Welcome welcome) {
    if (session != current || welcomed) {
      return;
    }
    welcomed = true;
    long interval = welcome.getHeartbeatIntervalMs() > 0
        ? welcome.getHeartbeatIntervalMs() : DEFAULT_HEARTBEAT_MILLIS;
    heartbeats = control.scheduleAtFixedRate(() -> runSafely(() -> session.sendIfIdle(heartbeat())),
        interval, interval, TimeUnit.MILLISECONDS);
    logger.info("Connected to the collector, session " + welcome.getSessionId());
    listener.connected(welcome.getSessionId());
    replaySpool(session);
    session.send(credit(maxJobsInFlight));
    if (!pausedReason.isEmpty()) {
      session.send(heartbeat()); // the collector learns the state without waiting an interval
    }
  }

  private void onPaused(String reason) {
    if (reason.equals(pausedReason)) {
      return;
    }
    pausedReason = reason;
    if (current != null && welcomed) {
      current.send(heartbeat());
    }
  }

  private void replaySpool(Session session) {
    List<JobResult> pending = spool.pending();
    if (!pending.isEmpty()) {
      logger.info("Sending " + pending.size() + " unacknowledged results from the spool");
    }
    pending.forEach(session::sendResult);
  }

  private void onAssignment(Session session, JobAssignment job) {
    if (session != current) {
      logger.fine("Ignoring job " + job.getJobId() + " of an ended session");
      return;
    }
    listener.assigned(job);
    if (!queue.offer(new QueuedJob(job, session))) {
      String reason = "agent has no room: the collector assigned more than the " + maxJobsInFlight
          + " jobs granted";
      logger.warning("Job " + job.getJobId() + " refused: " + reason);
      listener.failed(job, reason);
      session.send(failure(job, reason));
    }
  }

  private void onCancel(JobCancel cancel) {
    String jobId = cancel.getJobId();
    for (QueuedJob queued : queue) {
      if (queued.job().getJobId().equals(jobId) && queue.remove(queued)) {
        logger.info("Job " + jobId + " cancelled before it started: " + cancel.getReason());
        listener.cancelled(jobId, cancel.getReason());
        if (queued.session() == current && welcomed) {
          current.send(credit(1));
        }
        return;
      }
    }
    QueuedJob measuring = running.get();
    if (measuring != null && measuring.job().getJobId().equals(jobId)) {
      // Finish and send anyway: the collector keeps a result at most once and decides whether it
      // still wants it (ack or reject); dropping it here could lose a valid measurement.
      logger.info("Job " + jobId + " cancelled while measuring (" + cancel.getReason()
          + "); its result will still be sent");
      listener.cancelled(jobId, cancel.getReason());
    } else {
      logger.fine("Ignoring cancel of job " + jobId + ", which is not here");
    }
  }

  private void onAck(ResultAck ack) {
    spool.remove(ack.getJobId(), ack.getAttempt());
    listener.acked(ack);
  }

  private void onRejected(ResultRejected rejected) {
    logger.warning("The collector rejected the result of job " + rejected.getJobId() + " attempt "
        + rejected.getAttempt() + ": " + Status.fromCodeValue(rejected.getCode()).getCode() + " "
        + rejected.getDescription());
    spool.remove(rejected.getJobId(), rejected.getAttempt());
    listener.rejected(rejected);
  }

  private void onDetach(Session session) {
    if (session != current) {
      return;
    }
    current = null;
    welcomed = false;
    if (heartbeats != null) {
      heartbeats.cancel(false);
      heartbeats = null;
    }
    List<QueuedJob> dropped = new ArrayList<>();
    queue.drainTo(dropped);
    if (!dropped.isEmpty()) {
      logger.info("Dropped " + dropped.size() + " jobs that had not started; the collector "
          + "assigns them again when their leases expire");
    }
  }

  private void onJobDone(QueuedJob job, AgentMessage outcome) {
    Session session = current;
    if (session == null || !welcomed) {
      if (outcome.hasFailure()) {
        logger.info("Not connected: the failure of job " + job.job().getJobId()
            + " is not reported; its lease expires and it is assigned again");
      }
      return; // a result stays in the spool and is replayed after the next Welcome
    }
    if (outcome.hasResult()) {
      session.sendResult(outcome.getResult());
    } else {
      session.send(outcome);
    }
    if (job.session() == session) {
      session.send(credit(1));
    }
  }

  private static AgentMessage credit(int jobs) {
    return AgentMessage.newBuilder().setCredit(Credit.newBuilder().setJobs(jobs)).build();
  }

  private AgentMessage heartbeat() {
    return AgentMessage.newBuilder()
        .setHeartbeat(Heartbeat.newBuilder().setSentAtUnixMs(System.currentTimeMillis())
            .setPausedReason(pausedReason))
        .build();
  }

  /** Returns a failure message for a job. */
  static AgentMessage failure(JobAssignment job, String reason) {
    return AgentMessage.newBuilder().setFailure(JobFailure.newBuilder()
        .setJobId(job.getJobId()).setAttempt(job.getAttempt()).setReason(reason)).build();
  }
}
