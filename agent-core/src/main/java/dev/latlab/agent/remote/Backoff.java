package dev.latlab.agent.remote;

import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter between reconnect attempts: the base delay starts at {@code
 * initial}, doubles after each attempt up to {@code max}, and returns to {@code initial} on {@link
 * #reset()}. Each delay is the base times a random factor in {@code [1 - jitter, 1 + jitter]},
 * capped at {@code max}, so that agents that lost the same collector do not reconnect in lockstep.
 * Not thread-safe: used by the session thread only.
 */
final class Backoff {
  private final long initialNanos;
  private final long maxNanos;
  private final double jitter;
  private final DoubleSupplier random;
  private long baseNanos;

  /**
   * Creates a back-off.
   *
   * @param initialNanos first delay, positive
   * @param maxNanos largest delay, at least {@code initialNanos}
   * @param jitter relative jitter in [0, 1)
   * @param random uniform values in [0, 1)
   */
  Backoff(long initialNanos, long maxNanos, double jitter, DoubleSupplier random) {
    if (initialNanos <= 0 || maxNanos < initialNanos || jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("bad back-off: initial=" + initialNanos + "ns max="
          + maxNanos + "ns jitter=" + jitter);
    }
    this.initialNanos = initialNanos;
    this.maxNanos = maxNanos;
    this.jitter = jitter;
    this.random = random;
    this.baseNanos = initialNanos;
  }

  /**
   * Returns the delay before the next attempt and doubles the base delay.
   *
   * @return nanoseconds, positive and at most {@code max}
   */
  long nextDelayNanos() {
    long base = baseNanos;
    baseNanos = base > maxNanos / 2 ? maxNanos : base * 2;
    double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
    return Math.max(1, Math.min(maxNanos, Math.round(base * factor)));
  }

  /** Starts again from the initial delay (after a session was established). */
  void reset() {
    baseNanos = initialNanos;
  }
}
