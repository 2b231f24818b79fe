package dev.latlab.agent.remote;

import dev.latlab.agent.Measurement;
import dev.latlab.proto.v1.AgentMessage;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.JobResult;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one thread that measures: takes jobs from the bounded queue in order, runs the executor, puts
 * the result in the spool before anything is sent, and hands the outcome to the {@link Dispatcher}.
 * Never two measurements at once: they would disturb each other's timing.
 */
final class JobWorker implements Runnable {
  private static final Logger logger = Logger.getLogger(JobWorker.class.getName());
  private static final int MAX_REASON_CHARS = 300;

  private final BlockingQueue<QueuedJob> queue;
  private final AtomicReference<QueuedJob> running;
  private final JobExecutor executor;
  private final ResultSpool spool;
  private final Dispatcher dispatcher;
  private final CollectorClient.Listener listener;

  JobWorker(BlockingQueue<QueuedJob> queue, AtomicReference<QueuedJob> running,
      JobExecutor executor, ResultSpool spool, Dispatcher dispatcher,
      CollectorClient.Listener listener) {
    this.queue = queue;
    this.running = running;
    this.executor = executor;
    this.spool = spool;
    this.dispatcher = dispatcher;
    this.listener = listener;
  }

  @Override
  public void run() {
    try {
      while (true) {
        QueuedJob job = queue.take();
        running.set(job);
        AgentMessage outcome;
        try {
          outcome = measure(job.job());
        } finally {
          running.set(null);
        }
        dispatcher.jobDone(job, outcome);
      }
    } catch (InterruptedException e) {
      logger.fine("Measurement worker stopped");
    }
  }

  private AgentMessage measure(JobAssignment job) {
    try {
      Measurement m = executor.execute(job);
      JobResult result = ProtoMapping.toJobResult(job, m);
      spool.add(result); // before it is sent: nothing measured is lost
      listener.measured(job, m);
      return AgentMessage.newBuilder().setResult(result).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Dispatcher.failure(job, "interrupted: the agent is stopping");
    } catch (RuntimeException | LinkageError e) {
      logger.log(Level.WARNING, "Job " + job.getJobId() + " (arch " + job.getArchIndex()
          + ") could not be measured", e);
      String reason = oneLine(e);
      listener.failed(job, reason);
      return Dispatcher.failure(job, reason);
    }
  }

  /** Returns what failed in one line: type and message, and the cause's, whitespace collapsed. */
  // Visible for testing
  static String oneLine(Throwable e) {
    StringBuilder text = new StringBuilder(describe(e));
    Throwable cause = e.getCause();
    if (cause != null && cause != e) {
      text.append(" (caused by ").append(describe(cause)).append(')');
    }
    String line = text.toString().replaceAll("\\s+", " ").trim();
    return line.length() <= MAX_REASON_CHARS
        ? line
        : line.substring(0, MAX_REASON_CHARS - 3) + "...";
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
