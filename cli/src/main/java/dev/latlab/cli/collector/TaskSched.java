package dev.latlab.cli.collector;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The Linux scheduler's account of this JVM's threads ({@code /proc/self/task/TID/schedstat}): time
 * on a CPU and time runnable but waiting in the run queue for one. A thread that waits in the run
 * queue is starved of CPU, not of work. Empty where {@code /proc} is missing.
 */
final class TaskSched {
  /**
   * One thread's counters.
   *
   * @param group the thread's group, from its (15-character) OS name
   * @param onCpuNanos time on a CPU
   * @param waitNanos time runnable in the run queue
   */
  record Task(ThreadUsage.Group group, long onCpuNanos, long waitNanos) {}

  private TaskSched() {}

  /** Reads every thread's counters now, by OS thread id; threads that end meanwhile are left out. */
  static Map<String, Task> read() {
    Map<String, Task> tasks = new HashMap<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path dir : dirs) {
        Task task = task(dir);
        if (task != null) {
          tasks.put(dir.getFileName().toString(), task);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Map.of(); // not Linux: no figures rather than wrong ones
    }
    return tasks;
  }

  private static Task task(Path dir) {
    try {
      String[] stat = Files.readString(dir.resolve("schedstat")).trim().split(" ");
      String name = Files.readString(dir.resolve("comm")).trim();
      return new Task(ThreadUsage.Group.of(name), Long.parseLong(stat[0]),
          Long.parseLong(stat[1]));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Returns, per group, the share of the window its threads spent on a CPU ([0]) and waiting for
   * one ([1]), averaged over the group's threads that lived through the window.
   */
  static Map<ThreadUsage.Group, double[]> shares(Map<String, Task> start, Map<String, Task> end,
      double seconds) {
    Map<ThreadUsage.Group, double[]> sums = new HashMap<>(); // on-CPU s, wait s, threads
    end.forEach((tid, task) -> {
      Task before = start.get(tid);
      if (before != null) {
        double[] sum = sums.computeIfAbsent(task.group(), g -> new double[3]);
        sum[0] += (task.onCpuNanos() - before.onCpuNanos()) / 1e9;
        sum[1] += (task.waitNanos() - before.waitNanos()) / 1e9;
        sum[2]++;
      }
    });
    Map<ThreadUsage.Group, double[]> shares = new HashMap<>();
    sums.forEach((group, s) -> shares.put(group,
        new double[] {s[0] / s[2] / seconds, s[1] / s[2] / seconds}));
    return shares;
  }
}
