package dev.latlab.predictor.numeric;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs numbered tasks on a fixed set of threads, the calling thread included. Tasks are claimed in
 * any order, so a task must only write data no other task of the same call touches; then the
 * result does not depend on the number of threads.
 *
 * <p>A training step makes dozens of calls of tens of microseconds each, so hand-offs must be
 * cheap: idle helpers spin for a short while ({@value #SPIN_NANOS} ns) before they park, and the
 * caller spins while the last claimed tasks finish.
 *
 * <p>Not reentrant: a task must not call {@link #forEach} of the same pool. One caller at a time.
 */
public final class WorkerPool implements AutoCloseable {
  private static final long SPIN_NANOS = 200_000;
  private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final int threads;
  private final Thread[] helpers;
  private volatile Job job;
  private volatile boolean closed;

  private WorkerPool(int threads) {
    this.threads = threads;
    this.helpers = new Thread[threads - 1];
    for (int i = 0; i < helpers.length; i++) {
      helpers[i] = new Thread(this::helperLoop, "latlab-worker-" + (i + 1));
      helpers[i].setDaemon(true);
      helpers[i].start();
    }
  }

  /**
   * Creates a pool.
   *
   * @param threads threads that run tasks, the caller included
   * @return the pool; close it to stop its threads
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public static WorkerPool create(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + threads);
    }
    return new WorkerPool(threads);
  }

  /**
   * Returns the number of threads that run tasks.
   *
   * @return at least 1
   */
  public int threads() {
    return threads;
  }

  /**
   * Runs {@code body.accept(t)} for every {@code t} in {@code 0..tasks-1} and returns when all are
   * done.
   *
   * @param tasks number of tasks
   * @param body the task body
   * @throws RuntimeException the first exception (or error) a task threw, after the other tasks
   *     finished
   * @throws IllegalStateException if the pool is closed
   */
  public void forEach(int tasks, IntConsumer body) {
    if (closed) {
      throw new IllegalStateException("worker pool is closed");
    }
    if (helpers.length == 0 || tasks <= 1) {
      for (int t = 0; t < tasks; t++) {
        body.accept(t);
      }
      return;
    }
    Job current = new Job(tasks, body);
    job = current;
    for (Thread helper : helpers) {
      LockSupport.unpark(helper);
    }
    current.drain();
    current.awaitDone();
    job = null;
    Throwable failure = current.failure;
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw (RuntimeException) failure;
    }
  }

  private void helperLoop() {
    Job last = null;
    while (!closed) {
      Job current = job;
      if (current != null && current != last) {
        last = current;
        current.drain();
        continue;
      }
      waitForJob(last);
    }
  }

  /** Spins briefly for the next job, then parks until woken (or a millisecond passed). */
  private void waitForJob(Job last) {
    long until = System.nanoTime() + SPIN_NANOS;
    while (System.nanoTime() < until) {
      Job current = job;
      if (closed || current != null && current != last) {
        return;
      }
      Thread.onSpinWait();
    }
    LockSupport.parkNanos(this, PARK_NANOS);
  }

  /** Stops the pool's threads. */
  @Override
  public void close() {
    closed = true;
    for (Thread helper : helpers) {
      LockSupport.unpark(helper);
    }
  }

  /** One {@link #forEach} call: tasks are claimed from a counter and counted when done. */
  private static final class Job {
    private final int tasks;
    private final IntConsumer body;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private volatile Throwable failure;

    Job(int tasks, IntConsumer body) {
      this.tasks = tasks;
      this.body = body;
    }

    void drain() {
      for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
        try {
          body.accept(t);
        } catch (RuntimeException | Error e) {
          synchronized (this) {
            if (failure == null) {
              failure = e;
            }
          }
        } finally {
          done.incrementAndGet();
        }
      }
    }

    /** Waits for tasks other threads claimed; they are short, so spin, then yield. */
    void awaitDone() {
      for (int spins = 0; done.get() < tasks; spins++) {
        if (spins < 10_000) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
    }
  }
}
