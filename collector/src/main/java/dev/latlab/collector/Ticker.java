package dev.latlab.collector;

/**
 * A monotonic nanosecond clock for durations (session silence, lease expiry). Injectable so that
 * tests can advance time instead of sleeping.
 */
@FunctionalInterface
public interface Ticker {
  /** The JVM's monotonic clock, {@link System#nanoTime()}. */
  Ticker SYSTEM = System::nanoTime;

  /**
   * Returns the current reading; only differences between readings mean anything.
   *
   * @return nanoseconds from an arbitrary origin
   */
  long nanoTime();
}
