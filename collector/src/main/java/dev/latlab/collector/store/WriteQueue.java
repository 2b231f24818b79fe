package dev.latlab.collector.store;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The single writer with group commit. Callers enqueue operations; one thread takes an operation,
 * drains up to {@link #MAX_BATCH}{@code - 1} more that are already waiting, runs them all in one
 * transaction and commits, and only then completes their futures. One commit (one fsync under
 * {@code synchronous=FULL}) thus covers a whole batch. If the batch fails, it is rolled back and
 * its operations are retried one by one, each in its own transaction, so that a bad operation
 * fails only its own future.
 *
 * <p>Futures complete on the writer thread: their dependent stages must not block, and must never
 * wait for another write.
 */
final class WriteQueue implements AutoCloseable {
  private static final Logger logger = Logger.getLogger(WriteQueue.class.getName());

  /** Most operations in one transaction. */
  static final int MAX_BATCH = 1000;

  /** One write, run on the writer's connection inside its transaction. */
  @FunctionalInterface
  interface Op<T> {
    T apply(StatementCache db) throws SQLException;
  }

  private static final Pending<Void> STOP = new Pending<>("stop", db -> null);

  private final StatementCache db;
  private final BlockingQueue<Pending<?>> queue;
  private final Thread thread;
  private final Object lock = new Object();
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong retriedBatches = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();

  @GuardedBy("lock")
  private boolean closed;

  private WriteQueue(StatementCache db, int capacity) {
    this.db = db;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this::run, "latlab-sqlite-writer");
    thread.setDaemon(true);
  }

  /**
   * Starts the writer thread. From now on only that thread touches {@code db}, and it closes it.
   *
   * @param capacity operations that may wait; beyond it, writes fail at once
   */
  static WriteQueue start(StatementCache db, int capacity) {
    WriteQueue queue = new WriteQueue(db, capacity);
    queue.thread.start();
    return queue;
  }

  /**
   * Enqueues a write. Never blocks: if the queue is full or closed, the future fails at once.
   *
   * @param what what the write does, for messages ("store the result of job x")
   */
  <T> CompletableFuture<T> submit(String what, Op<T> op) {
    Pending<T> pending = new Pending<>(what, op);
    // Why under the lock: close() must not slip its STOP in between the check and the offer.
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.failedFuture(new StoreException("Cannot " + what
            + ": the store is closed"));
      }
      if (!queue.offer(pending)) {
        return CompletableFuture.failedFuture(queueFull(what));
      }
    }
    return pending.future;
  }

  private StoreException queueFull(String what) {
    long n = rejected.incrementAndGet();
    StoreException e = new StoreException("Cannot " + what + ": the write queue is full ("
        + (queue.size() + queue.remainingCapacity()) + " waiting)");
    if (n % 10_000 == 1) {
      logger.log(Level.WARNING, "Write queue full; " + n + " writes rejected so far", e);
    }
    return e;
  }

  /** Finishes every write already enqueued, then stops the thread and closes the connection. */
  @Override
  public void close() {
    boolean first;
    synchronized (lock) {
      first = !closed;
      closed = true;
    }
    if (first) {
      putUninterruptibly(STOP);
    }
    joinUninterruptibly();
  }

  /** Whether {@link #close()} was called. */
  boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  /** Transactions committed so far. */
  long commits() {
    return commits.get();
  }

  /** Batches that failed and were retried one operation at a time. */
  long retriedBatches() {
    return retriedBatches.get();
  }

  private void run() {
    List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
    boolean stop = false;
    while (!stop) {
      batch.clear();
      batch.add(takeUninterruptibly());
      queue.drainTo(batch, MAX_BATCH - 1);
      // Nothing is enqueued after STOP, so it can only be last.
      stop = batch.get(batch.size() - 1) == STOP;
      if (stop) {
        batch.remove(batch.size() - 1);
      }
      runGuarded(batch);
    }
    db.close();
  }

  /** Why: an Error must not kill the only writer and leave every later future hanging. */
  private void runGuarded(List<Pending<?>> batch) {
    try {
      if (!batch.isEmpty()) {
        runBatch(batch);
      }
    } catch (Throwable t) {
      logger.log(Level.SEVERE, "SQLite writer failed on a batch of " + batch.size(), t);
      rollbackQuietly(t);
      for (Pending<?> pending : batch) {
        pending.fail(new StoreException("Failed to " + pending.what + ": writer error", t));
      }
    }
  }

  private void runBatch(List<Pending<?>> batch) {
    List<Runnable> completions;
    try {
      completions = runInTransaction(batch);
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(e);
      if (batch.size() == 1) {
        batch.get(0).fail(e);
        return;
      }
      retriedBatches.incrementAndGet();
      logger.log(Level.FINE, "Batch of " + batch.size() + " failed; retrying one by one", e);
      for (Pending<?> pending : batch) {
        runBatch(List.of(pending));
      }
      return;
    }
    completions.forEach(Runnable::run);
  }

  private List<Runnable> runInTransaction(List<Pending<?>> batch) throws SQLException {
    db.execute("BEGIN IMMEDIATE");
    List<Runnable> completions = new ArrayList<>(batch.size());
    for (Pending<?> pending : batch) {
      completions.add(pending.run(db));
    }
    db.execute("COMMIT");
    commits.incrementAndGet();
    return completions;
  }

  private void rollbackQuietly(Throwable cause) {
    try {
      db.execute("ROLLBACK");
    } catch (SQLException e) {
      // Expected when BEGIN itself failed or SQLite already rolled back (e.g. on SQLITE_FULL).
      logger.log(Level.FINE, "Rollback after " + cause + " failed", e);
    }
  }

  private Pending<?> takeUninterruptibly() {
    while (true) {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        // Why ignored: this thread is ours, and pending callers are owed an answer.
        logger.log(Level.FINE, "SQLite writer interrupted; ignored", e);
      }
    }
  }

  private void putUninterruptibly(Pending<?> pending) {
    boolean interrupted = false;
    while (true) {
      try {
        queue.put(pending);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void joinUninterruptibly() {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** An enqueued write and its caller's future. */
  private static final class Pending<T> {
    final String what;
    final Op<T> op;
    final CompletableFuture<T> future = new CompletableFuture<>();

    Pending(String what, Op<T> op) {
      this.what = what;
      this.op = op;
    }

    /** Runs the write; the returned action completes the future, to be run after the commit. */
    Runnable run(StatementCache db) throws SQLException {
      T value = op.apply(db);
      return () -> future.complete(value);
    }

    void fail(Throwable cause) {
      future.completeExceptionally(cause instanceof StoreException se ? se
          : new StoreException("Failed to " + what + ": " + cause.getMessage(), cause));
    }
  }
}
