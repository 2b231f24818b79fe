package dev.latlab.cli.collector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The machine's CPU counters from {@code /proc/stat} (Linux), to tell how much of the machine other
 * processes used while the benchmark ran: on a shared host they compete for the same cores.
 *
 * @param busyTicks ticks spent not idle (all CPUs)
 * @param totalTicks all ticks (all CPUs); 0 if unknown
 */
record HostCpu(long busyTicks, long totalTicks) {
  private static final HostCpu UNKNOWN = new HostCpu(0, 0);

  /** Reads the counters now; unknown where there is no {@code /proc/stat}. */
  static HostCpu read() {
    try {
      String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
      long[] ticks = Arrays.stream(line.trim().split("\\s+")).skip(1)
          .mapToLong(Long::parseLong).toArray();
      long total = Arrays.stream(ticks).limit(8).sum(); // user..steal; guest is inside user
      long idle = ticks[3] + ticks[4]; // idle, iowait
      return new HostCpu(total - idle, total);
    } catch (IOException | RuntimeException e) {
      return UNKNOWN;
    }
  }

  /** Returns the cores the machine kept busy since {@code earlier}, or NaN if unknown. */
  double coresSince(HostCpu earlier) {
    long total = totalTicks - earlier.totalTicks;
    if (totalTicks == 0 || earlier.totalTicks == 0 || total <= 0) {
      return Double.NaN;
    }
    return (double) (busyTicks - earlier.busyTicks) / total
        * Runtime.getRuntime().availableProcessors();
  }
}
