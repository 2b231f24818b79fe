package dev.latlab.agent.remote;

import dev.latlab.agent.Sleeper;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Sleeper} that records the delays and returns at once; once {@code blockAfter} sleeps are
 * recorded it blocks until {@link #allow} raises the limit or the thread is interrupted (the
 * client's close), so a test can inspect a bounded schedule.
 */
final class RecordingSleeper implements Sleeper {
  private static final long TIMEOUT_NANOS = 10_000_000_000L;
  private final Object lock = new Object();
  private final List<Long> delays = new ArrayList<>();
  private int blockAfter;

  RecordingSleeper(int blockAfter) {
    this.blockAfter = blockAfter;
  }

  /** Lets sleeps return at once until {@code blockAfter} were recorded in all. */
  void allow(int blockAfter) {
    synchronized (lock) {
      this.blockAfter = blockAfter;
      lock.notifyAll();
    }
  }

  @Override
  public void sleep(long nanos) throws InterruptedException {
    synchronized (lock) {
      delays.add(nanos);
      lock.notifyAll();
      while (delays.size() >= blockAfter) {
        lock.wait(); // until allow() or the client interrupts this thread
      }
    }
  }

  /** Returns the recorded delays in milliseconds. */
  List<Long> delaysMillis() {
    synchronized (lock) {
      return delays.stream().map(n -> n / 1_000_000).toList();
    }
  }

  /** Waits up to 10 s until {@code n} sleeps were recorded. */
  void await(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT_NANOS;
    synchronized (lock) {
      while (delays.size() < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("timed out waiting for " + n + " sleeps: " + delays);
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
    }
  }
}
