package dev.latlab.cli.collector;

import dev.latlab.collector.store.AgentRow;
import dev.latlab.collector.store.CampaignRow;
import dev.latlab.collector.store.JobCounts;
import dev.latlab.collector.store.JobRow;
import dev.latlab.collector.store.ResultRow;
import dev.latlab.collector.store.SqliteStore;
import dev.latlab.collector.store.Store;
import dev.latlab.collector.store.StoreOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A {@link Store} that passes every call to a {@link SqliteStore} and meters what the benchmark
 * needs to tell where the time goes: the synchronous reads the collector makes per result (on its
 * gRPC executor), how long a result write waits for its commit, and how many writes share a commit.
 */
final class MeteredStore implements Store {
  private final SqliteStore delegate;
  private final LongAdder reads = new LongAdder();
  private final LongAdder readNanos = new LongAdder();
  private final LongAdder writes = new LongAdder();
  private final LongAdder resultWrites = new LongAdder();
  private final LongAdder resultCommitNanos = new LongAdder();

  MeteredStore(SqliteStore delegate) {
    this.delegate = delegate;
  }

  /**
   * Counters since the store was opened.
   *
   * @param reads synchronous reads (job and campaign lookups, listings)
   * @param readNanos time spent in them
   * @param writes writes of every kind submitted to the writer
   * @param resultWrites result writes among them
   * @param resultCommitNanos sum over result writes of submission to commit
   * @param commits transactions the writer committed
   */
  record Meters(long reads, long readNanos, long writes, long resultWrites,
      long resultCommitNanos, long commits) {
    /** Returns the counts accrued since {@code earlier}. */
    Meters minus(Meters earlier) {
      return new Meters(reads - earlier.reads, readNanos - earlier.readNanos,
          writes - earlier.writes, resultWrites - earlier.resultWrites,
          resultCommitNanos - earlier.resultCommitNanos, commits - earlier.commits);
    }

    /** Mean synchronous read time per stored result, in microseconds. */
    double readMicrosPerResult() {
      return resultWrites == 0 ? Double.NaN : readNanos / 1e3 / resultWrites;
    }

    /** Mean time from submitting a result write to its commit, in milliseconds. */
    double commitWaitMillis() {
      return resultWrites == 0 ? Double.NaN : resultCommitNanos / 1e6 / resultWrites;
    }

    /** Mean writes per commit (the group-commit batch size). */
    double writesPerCommit() {
      return commits == 0 ? Double.NaN : (double) writes / commits;
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("reads", reads);
      m.put("read_us_per_result", readMicrosPerResult());
      m.put("writes", writes);
      m.put("result_writes", resultWrites);
      m.put("commits", commits);
      m.put("writes_per_commit", writesPerCommit());
      m.put("result_commit_wait_ms", commitWaitMillis());
      return m;
    }
  }

  /** Returns the counters now. */
  Meters meters() {
    return new Meters(reads.sum(), readNanos.sum(), writes.sum(), resultWrites.sum(),
        resultCommitNanos.sum(), delegate.commits());
  }

  private <T> T timedRead(Supplier<T> read) {
    long t0 = System.nanoTime();
    try {
      return read.get();
    } finally {
      readNanos.add(System.nanoTime() - t0);
      reads.increment();
    }
  }

  private <T> CompletableFuture<T> countedWrite(CompletableFuture<T> write) {
    writes.increment();
    return write;
  }

  @Override
  public CompletableFuture<StoreOutcome> storeResult(ResultRow result) {
    long t0 = System.nanoTime();
    CompletableFuture<StoreOutcome> write = countedWrite(delegate.storeResult(result));
    resultWrites.increment();
    write.whenComplete((outcome, e) -> resultCommitNanos.add(System.nanoTime() - t0));
    return write;
  }

  @Override
  public CompletableFuture<Void> createCampaign(CampaignRow campaign, List<JobRow> jobs) {
    return countedWrite(delegate.createCampaign(campaign, jobs));
  }

  @Override
  public CompletableFuture<Void> recordLease(String jobId, int attempt, String agentId) {
    return countedWrite(delegate.recordLease(jobId, attempt, agentId));
  }

  @Override
  public CompletableFuture<Void> markFailed(String jobId, String reason) {
    return countedWrite(delegate.markFailed(jobId, reason));
  }

  @Override
  public CompletableFuture<Void> upsertAgent(AgentRow agent) {
    return countedWrite(delegate.upsertAgent(agent));
  }

  @Override
  public List<CampaignRow> campaigns() {
    return timedRead(delegate::campaigns);
  }

  @Override
  public Optional<CampaignRow> campaign(String id) {
    return timedRead(() -> delegate.campaign(id));
  }

  @Override
  public Optional<JobRow> job(String id) {
    return timedRead(() -> delegate.job(id));
  }

  @Override
  public List<JobRow> openJobs() {
    return timedRead(delegate::openJobs);
  }

  @Override
  public JobCounts counts(String campaignId) {
    return timedRead(() -> delegate.counts(campaignId));
  }

  @Override
  public List<AgentRow> agents() {
    return timedRead(delegate::agents);
  }

  @Override
  public List<ResultRow> results(String target) {
    return timedRead(() -> delegate.results(target));
  }

  @Override
  public long resultCount() {
    return timedRead(delegate::resultCount);
  }

  /** Does nothing: the {@link LocalCollector} closes the SQLite store after its server. */
  @Override
  public void close() {}
}
