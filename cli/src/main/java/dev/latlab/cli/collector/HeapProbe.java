package dev.latlab.cli.collector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * This JVM's memory after a full GC. Also the collector's hidden {@code --report-heap} mode, in
 * which a forked collector answers each line on its stdin with one line {@code
 * heap_used_bytes=N heap_committed_bytes=M}.
 */
final class HeapProbe {
  /** Starts the answer line of {@link #serve}. */
  static final String USED_PREFIX = "heap_used_bytes=";

  private static final String COMMITTED = " heap_committed_bytes=";

  private HeapProbe() {}

  /** Returns this JVM's memory after two full GCs (the second collects what the first freed up). */
  static HeapSample sample() {
    MemoryUsage usage = usageAfterGc();
    return new HeapSample(usage.getUsed(), usage.getCommitted(),
        HeapSample.rssOf(ProcessHandle.current().pid()));
  }

  /** Answers every line read with the heap after a GC, until the end of the input. */
  static void serve(BufferedReader in, PrintWriter out) throws IOException {
    while (in.readLine() != null) {
      MemoryUsage usage = usageAfterGc();
      out.println(USED_PREFIX + usage.getUsed() + COMMITTED + usage.getCommitted());
      out.flush();
    }
  }

  /** Parses an answer of {@link #serve}; returns null if the line is not one. */
  static HeapSample parse(String line, long pid) {
    if (line == null || !line.startsWith(USED_PREFIX) || !line.contains(COMMITTED)) {
      return null;
    }
    String[] parts = line.substring(USED_PREFIX.length()).split(COMMITTED);
    return new HeapSample(Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()),
        HeapSample.rssOf(pid));
  }

  private static MemoryUsage usageAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
  }
}
