package dev.latlab.collector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** Wall clock and ticker that move only when a test advances them. Thread-safe. */
public final class FakeTime extends Clock implements Ticker {
  private final AtomicLong nanos = new AtomicLong();
  private final long epochMillis;

  /** Starts at 2026-01-01T00:00:00Z. */
  public FakeTime() {
    this.epochMillis = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
  }

  /**
   * Moves both clocks forward.
   *
   * @param duration how far
   */
  public void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public long millis() {
    return epochMillis + nanos.get() / 1_000_000;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("FakeTime is UTC only");
  }
}
