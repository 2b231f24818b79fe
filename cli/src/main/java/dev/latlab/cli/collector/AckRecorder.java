package dev.latlab.cli.collector;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the simulated agents of one run observe: the acknowledgement latency of every result in
 * acknowledgement order, rejections, duplicates and broken streams. Thread-safe and lock-free: a
 * result's latency goes to the slot of its acknowledgement ordinal. The first {@code warmup}
 * acknowledgements are left out of the throughput and the percentiles.
 */
final class AckRecorder {
  private final long[] latencies;
  private final int warmup;
  private final AtomicInteger next = new AtomicInteger();
  // Incremented after a slot is written: reading up to done() sees every slot written.
  private final AtomicInteger written = new AtomicInteger();
  private final AtomicInteger rejected = new AtomicInteger();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final AtomicLong lastAckNanos = new AtomicLong();
  private final AtomicReference<String> firstProblem = new AtomicReference<>();
  private volatile long measureStartNanos;

  /**
   * @param expected acknowledgements expected in all
   * @param warmup acknowledgements left out of the measurement, below {@code expected}
   */
  AckRecorder(int expected, int warmup) {
    this.latencies = new long[expected];
    this.warmup = warmup;
  }

  /** Records an acknowledgement {@code latencyNanos} after its result was sent. */
  void acked(long latencyNanos, boolean duplicate) {
    int i = next.getAndIncrement();
    long now = System.nanoTime();
    if (i == warmup) {
      measureStartNanos = now;
    }
    if (i < latencies.length) {
      latencies[i] = latencyNanos;
    }
    if (duplicate) {
      duplicates.incrementAndGet();
    }
    lastAckNanos.accumulateAndGet(now, Math::max);
    written.incrementAndGet();
  }

  /** Records a refused result; the first refusal is kept for the report. */
  void rejected(String description) {
    rejected.incrementAndGet();
    firstProblem.compareAndSet(null, "result rejected: " + description);
  }

  /** Records a stream that ended before the run did. */
  void broken(String agentId, String status) {
    firstProblem.compareAndSet(null, "agent " + agentId + " stream ended: " + status);
  }

  /** Results answered so far (acknowledged or rejected). */
  int done() {
    return written.get() + rejected.get();
  }

  /** Returns the first problem seen (rejection or broken stream), or null. */
  String problem() {
    return firstProblem.get();
  }

  /** The measured part of a run: after the warm-up, up to the last acknowledgement. */
  record Summary(int acks, int measured, double seconds, double perSecond, double p50Millis,
      double p99Millis, double maxMillis, int rejected, int duplicates) {}

  /** Summarises the run; call once {@link #done()} stops growing. */
  Summary summary() {
    int acks = Math.min(written.get(), latencies.length);
    int measured = Math.max(0, acks - warmup);
    long[] sorted = Arrays.copyOfRange(latencies, Math.min(warmup, acks), acks);
    Arrays.sort(sorted);
    // Acks after the one that opened the window, over the window.
    double seconds = (lastAckNanos.get() - measureStartNanos) / 1e9;
    double rate = measured > 1 && seconds > 0 ? (measured - 1) / seconds : Double.NaN;
    return new Summary(acks, measured, seconds, rate, millis(percentile(sorted, 0.50)),
        millis(percentile(sorted, 0.99)), millis(percentile(sorted, 1.0)), rejected.get(),
        duplicates.get());
  }

  // Nearest rank: the smallest value with at least p of the values at or below it.
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return -1;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double millis(long nanos) {
    return nanos < 0 ? Double.NaN : nanos / 1e6;
  }
}
