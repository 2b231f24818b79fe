package dev.latlab.cli.collector;

import dev.latlab.cli.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints the benchmark's figures as tables with the targets they are compared against, or JSON. */
final class BenchReport {
  /** Ingest target: results/s with 100 agents. */
  static final double TARGET_PER_SECOND = 10_000;

  /** Ingest target: ack latency p99 with 100 agents, in ms. */
  static final double TARGET_P99_MILLIS = 100;

  /** Idle target: the collector's heap with 1000 idle agents, in MB. */
  static final double TARGET_IDLE_HEAP_MB = 256;

  private final PrintWriter out;
  private final boolean json;

  BenchReport(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  /** Prints the ingest runs. */
  void ingest(List<IngestBenchmark.Result> runs, int results, int credit) {
    if (json) {
      Map<String, Object> m = header("ingest");
      m.put("results_per_run", results);
      m.put("credit_per_agent", credit);
      m.put("runs", runs.stream().map(IngestBenchmark.Result::toMap).toList());
      print(Json.write(m));
      return;
    }
    out.printf(Locale.ROOT, "collector ingest: in-process collector, SQLite WAL synchronous=FULL, "
        + "credit %d per agent, %d cores%n", credit, Runtime.getRuntime().availableProcessors());
    out.printf(Locale.ROOT, "%6s %5s %7s %9s %7s %7s %8s %7s %7s %5s %4s %4s %8s %8s %8s %6s%n",
        "agents", "conns", "jobs", "results/s", "p50 ms", "p99 ms", "max ms", "rows", "acks",
        "lost", "dup", "rej", "read us", "wr/commit", "commit ms", "wall s");
    runs.forEach(this::row);
    threads(runs);
    runs.stream().filter(r -> r.agents() == 100).forEach(this::verdict);
    out.flush();
  }

  private void row(IngestBenchmark.Result r) {
    AckRecorder.Summary a = r.acks();
    MeteredStore.Meters s = r.meters();
    out.printf(Locale.ROOT,
        "%6d %5d %7d %9.0f %7.2f %7.2f %8.2f %7d %7d %5d %4d %4d %8.1f %8.1f %8.2f %6.1f%n",
        r.agents(), r.channels(), r.jobs(), a.perSecond(), a.p50Millis(), a.p99Millis(),
        a.maxMillis(), r.rows().rows(), r.rows().acks(), r.rows().missing(),
        r.rows().duplicates() + a.duplicates(), a.rejected(), s.readMicrosPerResult(),
        s.writesPerCommit(), s.commitWaitMillis(), r.wallSeconds());
  }

  private void threads(List<IngestBenchmark.Result> runs) {
    out.printf(Locale.ROOT, "where the time goes, measured window (cores = CPU s / wall s; others "
        + "= rest of the host: other processes, kernel I/O; %% = share of wall time per thread: "
        + "busy = runnable incl. I/O, cpu = on a CPU, queue = waiting for a CPU, blocked = on a "
        + "monitor):%n");
    out.printf(Locale.ROOT, "%6s %6s %7s | %6s %6s %6s %6s | %6s %6s %7s %6s | %6s %7s%n",
        "agents", "others", "process", "writer", "writer", "writer", "writer", "exec.", "exec.",
        "exec.", "exec.", "netty", "GC/JIT");
    out.printf(Locale.ROOT, "%6s %6s %7s | %6s %6s %6s %6s | %6s %6s %7s %6s | %6s %7s%n", "",
        "cores", "cores", "busy", "cpu", "queue", "cores", "cores", "queue", "blocked", "busy",
        "cores", "cores");
    runs.forEach(this::threadRow);
  }

  private void threadRow(IngestBenchmark.Result r) {
    ThreadUsage.Usage u = r.threads();
    ThreadUsage.Share w = u.groups().get(ThreadUsage.Group.WRITER);
    ThreadUsage.Share e = u.groups().get(ThreadUsage.Group.EXECUTOR);
    double java = u.groups().values().stream().mapToDouble(ThreadUsage.Share::cores).sum();
    out.printf(Locale.ROOT,
        "%6d %6.2f %7.2f | %5.0f%% %5.0f%% %5.0f%% %6.2f | %6.2f %5.0f%% %6.0f%% %5.0f%% | %6.2f "
            + "%7.2f%n", r.agents(), Math.max(0, u.hostCores() - u.processCores()),
        u.processCores(), 100 * w.runnable(), 100 * w.onCpu(), 100 * w.runQueue(), w.cores(),
        e.cores(), 100 * e.runQueue(), 100 * e.blocked(), 100 * e.runnable(),
        u.groups().get(ThreadUsage.Group.EVENT_LOOPS).cores(), u.processCores() - java);
  }

  private void verdict(IngestBenchmark.Result r) {
    boolean rate = r.acks().perSecond() >= TARGET_PER_SECOND;
    boolean p99 = r.acks().p99Millis() < TARGET_P99_MILLIS;
    boolean exact = r.rows().exact() && r.acks().duplicates() == 0;
    out.printf(Locale.ROOT, "target, 100 agents: >= %.0f results/s %s, p99 < %.0f ms %s, "
        + "zero loss and no duplicate %s%n", TARGET_PER_SECOND, met(rate), TARGET_P99_MILLIS,
        met(p99), met(exact));
  }

  /** Prints the idle-agent heap measurements. */
  void idle(List<IdleBenchmark.Heap> heaps) {
    if (json) {
      Map<String, Object> m = header("idle");
      m.put("measurements", heaps.stream().map(IdleBenchmark.Heap::toMap).toList());
      print(Json.write(m));
      return;
    }
    out.printf(Locale.ROOT, "%-10s %6s %11s %11s %9s %9s %10s %8s %8s  %s%n", "collector",
        "agents", "heap before", "heap conn.", "delta", "per agent", "committed", "RSS", "RSS",
        "the heap delta holds");
    out.printf(Locale.ROOT, "%-10s %6s %11s %11s %9s %9s %10s %8s %8s%n", "", "", "MB", "MB",
        "MB", "KB", "conn. MB", "bef. MB", "conn. MB");
    for (IdleBenchmark.Heap h : heaps) {
      out.printf(Locale.ROOT, "%-10s %6d %11.1f %11.1f %9.1f %9.1f %10.1f %8.1f %8.1f  %s%n",
          h.mode(), h.agents(), h.before().used() / 1e6, h.connected().used() / 1e6,
          h.delta() / 1e6, h.delta() / 1e3 / h.agents(), h.connected().committed() / 1e6,
          h.before().rss() / 1e6, h.connected().rss() / 1e6, h.contains());
    }
    heaps.stream().filter(h -> h.mode().equals("forked")).forEach(h -> out.printf(Locale.ROOT,
        "target: collector heap with %d idle agents < %.0f MB %s (%.1f MB used after GC)%n",
        h.agents(), TARGET_IDLE_HEAP_MB, met(h.connected().used() / 1e6 < TARGET_IDLE_HEAP_MB),
        h.connected().used() / 1e6));
    out.flush();
  }

  private static Map<String, Object> header(String mode) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", mode);
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("java", Runtime.version().toString());
    m.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1e6);
    return m;
  }

  private static String met(boolean ok) {
    return ok ? "MET" : "MISSED";
  }

  private void print(String text) {
    out.println(text);
    out.flush();
  }
}
