package dev.latlab.cli.it;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a condition by polling it, never longer than a timeout: no fixed sleeps in the ITs. */
final class Poll {
  private static final long INTERVAL_MILLIS = 50;

  private Poll() {}

  /**
   * Reads a value until it satisfies the condition.
   *
   * @param what what is awaited, for the failure message
   * @param timeout how long to wait at most
   * @param read reads the current value; may return null
   * @param done whether the value is the one awaited
   * @return the first value that satisfied the condition
   * @throws AssertionError with the last value read if the time runs out
   */
  static <T> T until(String what, Duration timeout, Supplier<T> read, Predicate<T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T value = read.get();
      if (value != null && done.test(value)) {
        return value;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for "
            + what + "; last value: " + value);
      }
      TimeUnit.MILLISECONDS.sleep(INTERVAL_MILLIS);
    }
  }

  /**
   * Waits until a condition holds.
   *
   * @param what what is awaited, for the failure message
   * @param timeout how long to wait at most
   * @param condition the condition
   * @throws AssertionError if the time runs out
   */
  static void until(String what, Duration timeout, Supplier<Boolean> condition)
      throws InterruptedException {
    until(what, timeout, condition, Boolean::booleanValue);
  }
}
