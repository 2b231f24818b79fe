package dev.latlab.collector.grpc;

import dev.latlab.collector.store.CampaignRow;
import dev.latlab.collector.store.JobRow;
import dev.latlab.collector.store.ResultRow;
import dev.latlab.collector.store.Store;
import dev.latlab.collector.store.StoreOutcome;
import dev.latlab.proto.v1.CollectorMessage;
import dev.latlab.proto.v1.JobResult;
import dev.latlab.proto.v1.ResultAck;
import io.grpc.Status;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks, stores and acknowledges the results agents send. A result is acknowledged only once the
 * store has committed it; a refused one is answered with a ResultRejected and changes nothing. The
 * lease rule survives collector restarts: a result is accepted from the agent the store last
 * leased the job to, for that attempt, even if the lease itself expired when the agent
 * disconnected (agents replay unacknowledged results after reconnecting).
 */
final class ResultIntake {
  private static final Logger logger = Logger.getLogger(ResultIntake.class.getName());

  private final Store store;
  private final Scheduler scheduler;
  private final Clock clock;
  private final Executor callbacks;
  // Campaign id to target, one entry per campaign that received a result.
  private final Map<String, String> targets = new ConcurrentHashMap<>();

  ResultIntake(Store store, Scheduler scheduler, Clock clock, Executor callbacks) {
    this.store = store;
    this.scheduler = scheduler;
    this.clock = clock;
    this.callbacks = callbacks;
  }

  /** Handles one result; asks the session for its next inbound message when done. */
  void handle(AgentSession session, JobResult result) {
    try {
      JobRow job = result.getJobId().isEmpty() ? null : store.job(result.getJobId()).orElse(null);
      Rejection rejection = ResultChecks.check(result, job);
      if (rejection == null && job.state() == JobRow.State.DONE) {
        completed(session, result, StoreOutcome.DUPLICATE);
        return;
      }
      String target = rejection == null ? campaignTarget(job) : null;
      if (rejection == null) {
        rejection = leaseProblem(session, result, job, target);
      }
      if (rejection != null) {
        reject(session, result, rejection);
      } else {
        store(session, result, job, target);
      }
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "Could not check the result of job " + result.getJobId(), e);
      session.end(Status.UNAVAILABLE.withDescription("could not check the result of job "
          + Names.printable(result.getJobId()) + "; send it again later"));
    }
  }

  // Why cached: a campaign's target never changes, and a store read per result costs the read
  // connection's lock. Unknown campaigns are not cached (computeIfAbsent keeps no null).
  private String campaignTarget(JobRow job) {
    return targets.computeIfAbsent(job.campaignId(),
        id -> store.campaign(id).map(CampaignRow::target).orElse(null));
  }

  // Whether this agent may deliver this attempt; null if it may.
  private Rejection leaseProblem(AgentSession session, JobResult result, JobRow job,
      String target) {
    String job0 = "job " + job.id();
    int attempt = result.getAttempt();
    if (job.state() == JobRow.State.FAILED) {
      return Rejection.precondition(job0 + " failed on every attempt allowed");
    }
    if (!session.target().equals(target)) {
      return Rejection.precondition(job0 + " belongs to target " + target + ", this session "
          + "measures " + session.target());
    }
    // The scheduler knows leases the store may not have committed yet; after a restart, the store.
    Scheduler.LastLease last = scheduler.lastLease(job.id());
    String holder = last != null ? last.agentId() : job.leasedTo();
    int latest = last != null ? last.attempt() : job.attempts();
    if (session.agentId().equals(holder) && attempt == latest) {
      return null;
    }
    if (holder == null) {
      return Rejection.precondition(job0 + " was never leased");
    }
    if (!session.agentId().equals(holder)) {
      return Rejection.precondition(job0 + " attempt " + attempt + " is leased to another agent");
    }
    return Rejection.precondition(job0 + " attempt " + attempt + " is not its latest lease ("
        + "attempt " + latest + ")");
  }

  private void reject(AgentSession session, JobResult result, Rejection rejection) {
    logger.fine(() -> "Rejected a result of agent " + session.agentId() + ": "
        + rejection.description());
    session.send(CollectorMessage.newBuilder().setRejected(rejection.toProto(result)).build());
    session.requestInbound();
  }

  private void store(AgentSession session, JobResult result, JobRow job, String target) {
    ResultRow row = new ResultRow(job.id(), result.getAttempt(), job.campaignId(), target,
        session.agentId(), job.archIndex(), result.getLatencyMs(), result.toByteArray(),
        clock.millis());
    QueuedJob parked = scheduler.park(job.id());
    CompletableFuture<StoreOutcome> write;
    try {
      write = store.storeResult(row);
    } catch (RuntimeException e) {
      write = CompletableFuture.failedFuture(e);
    }
    // Completes on the store's writer thread; continue on the server's executor instead.
    write.whenCompleteAsync((outcome, e) -> stored(session, result, parked, outcome, e),
        callbacks);
  }

  private void stored(AgentSession session, JobResult result, QueuedJob parked,
      StoreOutcome outcome, Throwable e) {
    if (e != null) {
      if (parked != null) {
        scheduler.unpark(parked);
      }
      logger.log(Level.WARNING, "Could not store the result of job " + result.getJobId(), e);
      session.end(Status.UNAVAILABLE.withDescription("could not store the result of job "
          + result.getJobId() + "; send it again later"));
      return;
    }
    completed(session, result, outcome);
  }

  // The job has a durable result: stop whoever else works on it, then acknowledge.
  private void completed(AgentSession session, JobResult result, StoreOutcome outcome) {
    String jobId = result.getJobId();
    Lessee other = scheduler.complete(jobId, session);
    if (other != null) {
      other.cancel(jobId, "job " + jobId + " has a result from another session");
    }
    ResultAck ack = ResultAck.newBuilder()
        .setJobId(jobId)
        .setAttempt(result.getAttempt())
        .setDuplicate(outcome == StoreOutcome.DUPLICATE)
        .build();
    session.send(CollectorMessage.newBuilder().setAck(ack).build());
    session.requestInbound();
  }
}
