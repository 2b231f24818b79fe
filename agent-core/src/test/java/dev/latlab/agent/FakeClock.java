package dev.latlab.agent;

import java.util.ArrayList;
import java.util.List;

/** A fake {@link Ticker} and {@link Sleeper}: time moves only when told, sleeps are recorded. */
final class FakeClock implements Ticker, Sleeper {
  private long now = 1_000_000_000L;
  final List<Long> sleeps = new ArrayList<>();

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public void sleep(long nanos) {
    sleeps.add(nanos);
    now += nanos;
  }

  void advance(long nanos) {
    now += nanos;
  }
}
