package dev.latlab.agent;

/** A nanosecond clock for durations; tests substitute a fake one. Never wall-clock time. */
@FunctionalInterface
public interface Ticker {
  /** The JVM's monotonic clock, {@link System#nanoTime()}. */
  Ticker SYSTEM = System::nanoTime;

  /**
   * Returns the current reading.
   *
   * @return nanoseconds from an arbitrary origin
   */
  long nanoTime();
}
