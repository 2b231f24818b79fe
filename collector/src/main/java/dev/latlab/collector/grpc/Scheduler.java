package dev.latlab.collector.grpc;

import dev.latlab.collector.store.CampaignRow;
import dev.latlab.collector.store.JobRow;
import dev.latlab.collector.store.Store;
import dev.latlab.proto.v1.JobAssignment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The in-memory job queues, one per target, and the leases of the connected sessions. A session
 * grants credit; the scheduler leases it that many jobs of its target, round-robin among the
 * sessions of a target so that several agents share a campaign. Leases live in memory only: a
 * session that ends returns its jobs to the front of the queue, and a restarted collector rebuilds
 * its queues from {@link Store#openJobs()}. Thread-safe; sessions are told about new leases after
 * the lock is released.
 */
final class Scheduler {
  private static final Logger logger = Logger.getLogger(Scheduler.class.getName());

  /** Most credit one session may hold; larger grants are capped. */
  static final int MAX_CREDIT = 1024;

  /** What happened to a job an agent could not measure. */
  enum FailOutcome {
    /** Queued again for another attempt. */
    REQUEUED,
    /** Marked failed for good: the attempts are used up. */
    FAILED,
    /** The session did not hold that lease (expired, replayed or unknown); nothing changed. */
    NOT_LEASED
  }

  private record Lease(QueuedJob job, Lessee holder) {}

  private record Dispatch(Lessee to, JobAssignment assignment) {}

  private final Store store;
  private final int maxAttempts;
  private final Object lock = new Object();
  // @GuardedBy("lock") on all of the following.
  private final Map<String, CampaignPlan> plans = new HashMap<>();
  private final Map<String, Deque<QueuedJob>> queues = new HashMap<>();
  private final Set<String> queuedIds = new HashSet<>();
  private final Map<String, Lease> leases = new LinkedHashMap<>();
  private final Map<Lessee, Integer> credits = new LinkedHashMap<>();
  /**
   * The latest lease of every job without a result, kept after the lease itself ends (disconnect,
   * timeout): an agent's replayed result of that lease is valid even before the store has
   * committed the lease record.
   */
  private final Map<String, LastLease> lastLeases = new HashMap<>();

  /** A job's latest lease: the agent and the attempt number. */
  record LastLease(String agentId, int attempt) {}

  Scheduler(Store store, int maxAttempts) {
    this.store = store;
    this.maxAttempts = maxAttempts;
  }

  /** Queues the store's open jobs; called once before the server accepts calls. */
  void load() {
    List<JobRow> open = store.openJobs();
    Map<String, CampaignPlan> found = new HashMap<>();
    for (JobRow job : open) {
      found.computeIfAbsent(job.campaignId(),
          id -> store.campaign(id).map(Rows::plan).orElse(null));
    }
    synchronized (lock) {
      for (JobRow job : open) {
        CampaignPlan plan = found.get(job.campaignId());
        if (plan == null) {
          logger.warning("Open job " + job.id() + " has no campaign " + job.campaignId());
          continue;
        }
        plans.put(job.campaignId(), plan);
        enqueueLast(plan.target(), queued(job));
      }
    }
    logger.info("Queued " + open.size() + " open jobs of " + found.size() + " campaigns");
  }

  /** Queues a new campaign's jobs (already stored) and leases them to waiting sessions. */
  void register(CampaignRow campaign, List<JobRow> jobs) {
    CampaignPlan plan = Rows.plan(campaign);
    List<Dispatch> out;
    synchronized (lock) {
      plans.put(campaign.id(), plan);
      for (JobRow job : jobs) {
        enqueueLast(plan.target(), queued(job));
      }
      out = dispatch(plan.target());
    }
    deliver(out);
  }

  /** Starts leasing to a session once it has credit. */
  void attach(Lessee lessee) {
    synchronized (lock) {
      credits.putIfAbsent(lessee, 0);
    }
  }

  /** Adds credit to an attached session and leases it jobs of its target, if any are queued. */
  void grant(Lessee lessee, int jobs) {
    List<Dispatch> out;
    synchronized (lock) {
      Integer credit = credits.get(lessee);
      if (credit == null) {
        return;
      }
      credits.put(lessee, (int) Math.min(MAX_CREDIT, (long) credit + jobs));
      out = dispatchTo(lessee);
    }
    deliver(out);
  }

  /**
   * Stops leasing to a session and returns its leased jobs to the front of their queue, in lease
   * order, where other sessions of the target may take them at once.
   *
   * @return how many leases were released
   */
  int detach(Lessee lessee) {
    List<Dispatch> out;
    List<QueuedJob> released = new ArrayList<>();
    synchronized (lock) {
      credits.remove(lessee);
      leases.values().removeIf(lease -> lease.holder() == lessee && released.add(lease.job()));
      for (int i = released.size() - 1; i >= 0; i--) {
        enqueueFirst(targetOf(released.get(i)), released.get(i));
      }
      out = dispatch(lessee.target());
    }
    deliver(out);
    return released.size();
  }

  /**
   * Forgets a job that now has a stored result: drops its lease and takes it out of the queue.
   *
   * @param jobId the job
   * @param by the session whose result completed it
   * @return the other session that held a lease on the job (to be told to stop), or null
   */
  Lessee complete(String jobId, Lessee by) {
    synchronized (lock) {
      lastLeases.remove(jobId);
      Lease lease = leases.remove(jobId);
      if (queuedIds.remove(jobId)) {
        queues.values().forEach(queue -> queue.removeIf(job -> job.jobId().equals(jobId)));
      }
      return lease == null || lease.holder() == by ? null : lease.holder();
    }
  }

  /**
   * Handles a job an agent could not measure: queues it again (at the back) while attempts remain,
   * else marks it failed in the store.
   *
   * @return what happened
   */
  FailOutcome fail(String jobId, int attempt, Lessee by, String reason) {
    List<Dispatch> out = List.of();
    FailOutcome outcome;
    synchronized (lock) {
      Lease lease = leases.get(jobId);
      if (lease == null || lease.holder() != by || lease.job().attempts() != attempt) {
        return FailOutcome.NOT_LEASED;
      }
      leases.remove(jobId);
      if (attempt < maxAttempts) {
        String target = targetOf(lease.job());
        enqueueLast(target, lease.job());
        out = dispatch(target);
        outcome = FailOutcome.REQUEUED;
      } else {
        async("mark job " + jobId + " failed", () -> store.markFailed(jobId, reason));
        outcome = FailOutcome.FAILED;
      }
    }
    deliver(out);
    return outcome;
  }

  /**
   * Returns this job's latest lease since the collector started, whether or not it is still held.
   *
   * @return the lease, or null if the job was not leased since the start (ask the store then)
   */
  LastLease lastLease(String jobId) {
    synchronized (lock) {
      return lastLeases.get(jobId);
    }
  }

  /**
   * Takes a job out of its queue while a result for it is being stored, so that it is not leased
   * again meanwhile (an agent replays a result, then grants credit before the write commits).
   *
   * @return the job as it was queued, to hand to {@link #unpark} if the write fails; null if the
   *     job was not queued
   */
  QueuedJob park(String jobId) {
    synchronized (lock) {
      if (!queuedIds.remove(jobId)) {
        return null;
      }
      for (Deque<QueuedJob> queue : queues.values()) {
        for (Iterator<QueuedJob> it = queue.iterator(); it.hasNext(); ) {
          QueuedJob job = it.next();
          if (job.jobId().equals(jobId)) {
            it.remove();
            return job;
          }
        }
      }
      return null;
    }
  }

  /** Queues a parked job again, at the front, after its result could not be stored. */
  void unpark(QueuedJob job) {
    List<Dispatch> out;
    synchronized (lock) {
      String target = targetOf(job);
      enqueueFirst(target, job);
      out = dispatch(target);
    }
    deliver(out);
  }

  /** Returns how many jobs the session holds. */
  int inFlight(Lessee lessee) {
    synchronized (lock) {
      return (int) leases.values().stream().filter(lease -> lease.holder() == lessee).count();
    }
  }

  /** Returns how many jobs of the campaign are leased right now. */
  long leased(String campaignId) {
    synchronized (lock) {
      return leases.values().stream()
          .filter(lease -> lease.job().campaignId().equals(campaignId))
          .count();
    }
  }

  /** Returns how many jobs of the target wait in its queue. */
  int queued(String target) {
    synchronized (lock) {
      Deque<QueuedJob> queue = queues.get(target);
      return queue == null ? 0 : queue.size();
    }
  }

  // Leases queued jobs of the target round-robin to its sessions with credit. Holds the lock.
  private List<Dispatch> dispatch(String target) {
    Deque<QueuedJob> queue = queues.get(target);
    List<Dispatch> out = new ArrayList<>();
    boolean progress = true;
    while (progress && queue != null && !queue.isEmpty()) {
      progress = false;
      for (Map.Entry<Lessee, Integer> entry : credits.entrySet()) {
        Lessee lessee = entry.getKey();
        if (queue.isEmpty() || entry.getValue() == 0 || !lessee.target().equals(target)) {
          continue;
        }
        entry.setValue(entry.getValue() - 1);
        out.add(leaseNext(queue, lessee));
        progress = true;
      }
    }
    return out;
  }

  /*
   * Leases queued jobs of its target to one session while it has credit. Holds the lock. Why this
   * is all a grant needs, rather than the round-robin over every session: each method that queues
   * jobs or adds credit ends with a dispatch, so whenever the lock is free a target's queue is
   * empty or none of its sessions has credit. A grant only adds credit to this session, so the
   * round-robin would lease to it alone, the same jobs in the same order; it would just visit every
   * other session (all targets) in each round, which made grants O(sessions) under the lock.
   */
  private List<Dispatch> dispatchTo(Lessee lessee) {
    Deque<QueuedJob> queue = queues.get(lessee.target());
    int credit = credits.get(lessee);
    List<Dispatch> out = new ArrayList<>(Math.min(credit, queue == null ? 0 : queue.size()));
    while (credit > 0 && queue != null && !queue.isEmpty()) {
      credit--;
      out.add(leaseNext(queue, lessee));
    }
    credits.put(lessee, credit);
    return out;
  }

  // Holds the lock.
  private Dispatch leaseNext(Deque<QueuedJob> queue, Lessee lessee) {
    QueuedJob job = queue.pollFirst().leasedOnceMore();
    queuedIds.remove(job.jobId());
    leases.put(job.jobId(), new Lease(job, lessee));
    lastLeases.put(job.jobId(), new LastLease(lessee.agentId(), job.attempts()));
    // Recorded under the lock so that the store sees each job's leases in attempt order; the call
    // only enqueues the write.
    async("record lease of job " + job.jobId(),
        () -> store.recordLease(job.jobId(), job.attempts(), lessee.agentId()));
    CampaignPlan plan = plans.get(job.campaignId());
    JobAssignment assignment = JobAssignment.newBuilder()
        .setJobId(job.jobId())
        .setAttempt(job.attempts())
        .setCampaignId(job.campaignId())
        .setArchIndex(job.archIndex())
        .setNetwork(plan.network())
        .setProtocol(plan.protocol())
        .build();
    return new Dispatch(lessee, assignment);
  }

  // Holds the lock.
  private void enqueueLast(String target, QueuedJob job) {
    queues.computeIfAbsent(target, t -> new ArrayDeque<>()).addLast(job);
    queuedIds.add(job.jobId());
  }

  // Holds the lock.
  private void enqueueFirst(String target, QueuedJob job) {
    queues.computeIfAbsent(target, t -> new ArrayDeque<>()).addFirst(job);
    queuedIds.add(job.jobId());
  }

  // Holds the lock.
  private String targetOf(QueuedJob job) {
    return plans.get(job.campaignId()).target();
  }

  private static QueuedJob queued(JobRow job) {
    return new QueuedJob(job.id(), job.campaignId(), job.archIndex(), job.attempts());
  }

  private static void deliver(List<Dispatch> dispatches) {
    for (Dispatch dispatch : dispatches) {
      dispatch.to().assign(dispatch.assignment());
    }
  }

  // Store writes the scheduler does not wait for: a failure is logged, the in-memory state stands.
  private static void async(String what, Supplier<CompletableFuture<?>> write) {
    try {
      write.get().whenComplete((ignored, e) -> {
        if (e != null) {
          logger.log(Level.WARNING, "Could not " + what, e);
        }
      });
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "Could not " + what, e);
    }
  }
}
