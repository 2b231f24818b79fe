package dev.latlab.cli.collector;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where this JVM's time goes during a measured window, by thread group: CPU time (cores used), and
 * from thread states sampled every few milliseconds (without stopping the world: no stacks) the
 * share of time each group was runnable or blocked on a monitor. The SQLite writer counts as busy
 * while runnable, which includes its fsyncs; it waits (idle) only in its queue.
 */
final class ThreadUsage implements AutoCloseable {
  /** Threads of a kind. Agents and collector share gRPC's default Netty event loops. */
  enum Group {
    WRITER, EXECUTOR, EVENT_LOOPS, OTHER;

    /** Returns the group of a Java thread name, or of its OS name (cut to 15 characters). */
    static Group of(String threadName) {
      if (threadName.startsWith("latlab-sqlite-w")) {
        return WRITER;
      } else if (threadName.startsWith("latlab-collecto")) {
        return EXECUTOR;
      } else if (threadName.startsWith("grpc-default-wo")) {
        return EVENT_LOOPS;
      }
      return OTHER;
    }
  }

  /**
   * One group over the window; shares are per thread, averaged over the group.
   *
   * @param cores CPU time over wall time (all the group's threads)
   * @param runnable share of samples in which a thread was runnable (Java's view: on a CPU, in the
   *     run queue, or in a system call such as an fsync)
   * @param blocked share of samples in which a thread was blocked on a monitor
   * @param onCpu share of time on a CPU (Linux scheduler), NaN if unknown
   * @param runQueue share of time runnable but waiting for a CPU (Linux scheduler), NaN if unknown
   */
  record Share(double cores, double runnable, double blocked, double onCpu, double runQueue) {
    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("cores", cores);
      m.put("runnable", runnable);
      m.put("on_cpu", onCpu);
      m.put("run_queue", runQueue);
      m.put("blocked", blocked);
      return m;
    }
  }

  /**
   * The window.
   *
   * @param processCores CPU time of the whole process (also GC and JIT) over wall time
   * @param hostCores CPU time of the whole machine over wall time (Linux; NaN elsewhere): what
   *     exceeds {@code processCores} ran in other processes, competing with the benchmark
   * @param groups the Java thread groups
   */
  record Usage(double seconds, double processCores, double hostCores, Map<Group, Share> groups) {
    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("window_s", seconds);
      m.put("host_cores", hostCores);
      m.put("process_cores", processCores);
      groups.forEach((group, share) ->
          m.put(group.name().toLowerCase(java.util.Locale.ROOT), share.toMap()));
      return m;
    }
  }

  private static final long SAMPLE_MILLIS = 5;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> cpuAtStart = new HashMap<>();
  private final Map<Group, long[]> states = new EnumMap<>(Group.class); // total, runnable, blocked
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
      runnable -> {
        Thread thread = new Thread(runnable, "latlab-bench-sampler");
        thread.setDaemon(true);
        return thread;
      });
  private long startNanos;
  private long processCpuAtStart;
  private HostCpu hostAtStart;
  private Map<String, TaskSched.Task> schedAtStart;

  /** Starts the window. */
  static ThreadUsage start() {
    ThreadUsage usage = new ThreadUsage();
    for (Group group : Group.values()) {
      usage.states.put(group, new long[3]);
    }
    usage.startNanos = System.nanoTime();
    usage.processCpuAtStart = processCpuNanos();
    usage.hostAtStart = HostCpu.read();
    usage.schedAtStart = TaskSched.read();
    for (long id : usage.threads.getAllThreadIds()) {
      usage.cpuAtStart.put(id, Math.max(0, usage.threads.getThreadCpuTime(id)));
    }
    usage.sampler.scheduleAtFixedRate(usage::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    return usage;
  }

  private void sample() {
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
      if (info == null || info.getThreadName().equals("latlab-bench-sampler")) {
        continue;
      }
      long[] counts;
      synchronized (states) {
        counts = states.get(Group.of(info.getThreadName()));
        counts[0]++;
        counts[1] += info.getThreadState() == Thread.State.RUNNABLE ? 1 : 0;
        counts[2] += info.getThreadState() == Thread.State.BLOCKED ? 1 : 0;
      }
    }
  }

  /** Ends the window and returns what it measured. */
  Usage stop() {
    close();
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    Map<Group, Long> cpu = new EnumMap<>(Group.class);
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
      if (info != null) {
        long used = Math.max(0, threads.getThreadCpuTime(info.getThreadId()))
            - cpuAtStart.getOrDefault(info.getThreadId(), 0L);
        cpu.merge(Group.of(info.getThreadName()), Math.max(0, used), Long::sum);
      }
    }
    Map<Group, double[]> sched = TaskSched.shares(schedAtStart, TaskSched.read(), seconds);
    Map<Group, Share> groups = new EnumMap<>(Group.class);
    synchronized (states) {
      states.forEach((group, c) -> {
        double[] s = sched.getOrDefault(group, new double[] {Double.NaN, Double.NaN});
        groups.put(group, new Share(cpu.getOrDefault(group, 0L) / 1e9 / seconds,
            ratio(c[1], c[0]), ratio(c[2], c[0]), s[0], s[1]));
      });
    }
    return new Usage(seconds, (processCpuNanos() - processCpuAtStart) / 1e9 / seconds,
        HostCpu.read().coresSince(hostAtStart), groups);
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
  }

  /** Stops sampling. */
  @Override
  public void close() {
    sampler.shutdownNow();
    try {
      sampler.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
