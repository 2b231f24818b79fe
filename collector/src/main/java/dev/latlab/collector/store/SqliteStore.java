package dev.latlab.collector.store;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link Store} on one SQLite file in WAL mode.
 *
 * <p>Writes go through one writer thread that commits them in groups of up to 1000 with {@code
 * synchronous=FULL}; a write's future completes, on that thread, once its transaction is committed
 * (so dependent stages must not block). If the write queue (100,000 writes) is full, a write fails
 * at once with a {@link StoreException} rather than blocking the caller. Reads run on a separate
 * connection, one at a time, and see every write whose future has completed.
 *
 * <p>Beyond {@link Store}: a job that already has a result stays done when {@link #markFailed}
 * is called, and {@link #recordLease} and {@link #markFailed} fail for an unknown job.
 */
public final class SqliteStore implements Store {
  /** Writes that may wait for the writer before new ones are refused. */
  static final int QUEUE_CAPACITY = 100_000;

  private final Path file;
  private final WriteQueue writes;
  private final Object readLock = new Object();

  @GuardedBy("readLock")
  private final ReadQueries reads;

  @GuardedBy("readLock")
  private final StatementCache readDb;

  @GuardedBy("readLock")
  private boolean closed;

  private SqliteStore(Path file, WriteQueue writes, StatementCache readDb) {
    this.file = file;
    this.writes = writes;
    this.readDb = readDb;
    this.reads = new ReadQueries(readDb);
  }

  /**
   * Opens the store in {@code dbFile}, creating the file and its parent directories if needed and
   * migrating its schema to the current version.
   *
   * @param dbFile the database file
   * @return the open store; close it to finish pending writes
   * @throws StoreException if the file cannot be created or opened
   * @throws IllegalStateException if the file has a newer schema version than this code knows
   */
  public static SqliteStore open(Path dbFile) {
    requireNonNull(dbFile, "dbFile");
    createParentDirectories(dbFile);
    StatementCache writeDb = null;
    StatementCache readDb = null;
    try {
      writeDb = new StatementCache(SqliteConnections.openWriter(dbFile));
      Migrations.CURRENT.migrate(writeDb, dbFile);
      readDb = new StatementCache(SqliteConnections.openReader(dbFile));
      return new SqliteStore(dbFile, WriteQueue.start(writeDb, QUEUE_CAPACITY), readDb);
    } catch (SQLException | RuntimeException e) {
      closeAll(writeDb, readDb);
      throw e instanceof SQLException
          ? new StoreException("Failed to open SQLite store " + dbFile + ": " + e.getMessage(), e)
          : (RuntimeException) e;
    }
  }

  private static void createParentDirectories(Path dbFile) {
    Path parent = dbFile.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new StoreException("Failed to create directory " + parent + " for " + dbFile, e);
    }
  }

  private static void closeAll(StatementCache... dbs) {
    for (StatementCache db : dbs) {
      if (db != null) {
        db.close();
      }
    }
  }

  @Override
  public CompletableFuture<Void> createCampaign(CampaignRow campaign, List<JobRow> jobs) {
    requireNonNull(campaign, "campaign");
    for (JobRow job : jobs) {
      if (!campaign.id().equals(job.campaignId())) {
        throw new IllegalArgumentException(
            "job " + job.id() + " belongs to " + job.campaignId() + ", not " + campaign.id());
      }
    }
    List<JobRow> copy = List.copyOf(jobs);
    return writes.submit("create campaign " + campaign.id() + " with " + copy.size() + " jobs",
        WriteOps.createCampaign(campaign, copy));
  }

  @Override
  public List<CampaignRow> campaigns() {
    return read("list campaigns", reads::campaigns);
  }

  @Override
  public Optional<CampaignRow> campaign(String id) {
    return read("read campaign " + id, () -> reads.campaign(id));
  }

  @Override
  public Optional<JobRow> job(String id) {
    return read("read job " + id, () -> reads.job(id));
  }

  @Override
  public List<JobRow> openJobs() {
    return read("list open jobs", reads::openJobs);
  }

  @Override
  public JobCounts counts(String campaignId) {
    return read("count jobs of campaign " + campaignId, () -> reads.counts(campaignId));
  }

  @Override
  public CompletableFuture<Void> recordLease(String jobId, int attempt, String agentId) {
    return writes.submit("record lease " + attempt + " of job " + jobId + " to " + agentId,
        WriteOps.recordLease(jobId, attempt, agentId));
  }

  @Override
  public CompletableFuture<StoreOutcome> storeResult(ResultRow result) {
    return writes.submit("store the result of job " + result.jobId(),
        WriteOps.storeResult(result));
  }

  @Override
  public CompletableFuture<Void> markFailed(String jobId, String reason) {
    return writes.submit("mark job " + jobId + " failed", WriteOps.markFailed(jobId, reason));
  }

  @Override
  public CompletableFuture<Void> upsertAgent(AgentRow agent) {
    return writes.submit("save agent " + agent.agentId(), WriteOps.upsertAgent(agent));
  }

  @Override
  public List<AgentRow> agents() {
    return read("list agents", reads::agents);
  }

  @Override
  public List<ResultRow> results(String target) {
    return read("read results of target " + target, () -> reads.results(target));
  }

  @Override
  public long resultCount() {
    return read("count results", reads::resultCount);
  }

  /**
   * Returns how many transactions the writer has committed so far; writes divided by commits is
   * the mean group-commit batch size (for benchmarks and monitoring).
   *
   * @return the number of commits since the store was opened
   */
  public long commits() {
    return writes.commits();
  }

  /** Finishes every write already enqueued, then closes both connections. Idempotent. */
  @Override
  public void close() {
    writes.close();
    synchronized (readLock) {
      if (!closed) {
        closed = true;
        readDb.close();
      }
    }
  }

  // Visible for testing
  WriteQueue writeQueue() {
    return writes;
  }

  /** A read on the read connection. */
  @FunctionalInterface
  private interface Read<T> {
    T run() throws SQLException;
  }

  private <T> T read(String what, Read<T> read) {
    synchronized (readLock) {
      if (closed) {
        throw new StoreException("Cannot " + what + ": the SQLite store " + file + " is closed");
      }
      try {
        return read.run();
      } catch (SQLException e) {
        throw new StoreException("Failed to " + what + " in " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
