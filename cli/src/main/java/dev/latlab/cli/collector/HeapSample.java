package dev.latlab.cli.collector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JVM's memory right after a full GC.
 *
 * @param used heap in use: the live objects
 * @param committed heap the JVM has reserved from the OS
 * @param rss resident set of the whole process (heap, Netty's direct buffers, code, threads), or -1
 *     where {@code /proc} is missing
 */
record HeapSample(long used, long committed, long rss) {

  /** Returns the resident set of a process from {@code /proc/PID/status}, or -1. */
  static long rssOf(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
