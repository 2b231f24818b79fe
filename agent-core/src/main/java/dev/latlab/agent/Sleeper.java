package dev.latlab.agent;

/** Waits; tests substitute one that advances a fake {@link Ticker} instead. */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps on the current thread. */
  Sleeper SYSTEM = nanos -> {
    if (nanos > 0) {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }
  };

  /**
   * Waits about the given time.
   *
   * @param nanos nanoseconds, 0 or more
   * @throws InterruptedException if interrupted while waiting
   */
  void sleep(long nanos) throws InterruptedException;
}
