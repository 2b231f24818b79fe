package dev.latlab.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The heap's high-water mark over a phase of a benchmark: reset the heap pools' peaks, run, read
 * the sum of their peaks (an upper bound on the whole heap's peak, garbage included; a run under a
 * small {@code -Xmx} is the honest working-set bound).
 */
public final class HeapPeaks {
  private HeapPeaks() {}

  /** Collects garbage and starts a new phase. */
  public static void reset() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /**
   * Returns the sum of the heap pools' peaks since the last {@link #reset}.
   *
   * @return bytes
   */
  public static long peakBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
