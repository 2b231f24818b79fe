package dev.latlab.agent.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final long MS = 1_000_000L;

  private static List<Long> delays(Backoff backoff, int n) {
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      delays.add(backoff.nextDelayNanos() / MS);
    }
    return delays;
  }

  @Test
  void nextDelay_withoutJitter_doublesUpToMax() {
    Backoff backoff = new Backoff(500 * MS, 30_000 * MS, 0.2, () -> 0.5);
    assertThat(delays(backoff, 9))
        .containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L);
  }

  @Test
  void nextDelay_withJitter_staysWithinTwentyPercentAndMax() {
    SplittableRandom random = new SplittableRandom(1);
    Backoff backoff = new Backoff(500 * MS, 30_000 * MS, 0.2, random::nextDouble);
    long base = 500;
    for (int i = 0; i < 200; i++) {
      long delay = backoff.nextDelayNanos() / MS;
      assertThat(delay).isBetween(base * 8 / 10, Math.min(30_000, base * 12 / 10));
      base = Math.min(30_000, base * 2);
    }
  }

  @Test
  void nextDelay_extremeRandomValues_hitTheBounds() {
    assertThat(new Backoff(1000 * MS, 30_000 * MS, 0.2, () -> 0.0).nextDelayNanos() / MS)
        .isEqualTo(800);
    assertThat(new Backoff(1000 * MS, 30_000 * MS, 0.2, () -> 0.999_999).nextDelayNanos() / MS)
        .isEqualTo(1199);
  }

  @Test
  void reset_startsAgainFromInitial() {
    Backoff backoff = new Backoff(500 * MS, 30_000 * MS, 0.2, () -> 0.5);
    delays(backoff, 4);
    backoff.reset();
    assertThat(delays(backoff, 2)).containsExactly(500L, 1000L);
  }

  @Test
  void new_maxBelowInitial_isRejected() {
    assertThatThrownBy(() -> new Backoff(2 * MS, MS, 0.2, () -> 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
