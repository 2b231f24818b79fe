package dev.latlab.cli.collector;

import dev.latlab.cli.UserException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The collector's heap with many idle agents connected (Hello, Welcome, heartbeats, no credit),
 * measured twice. Forked: the collector runs in a child JVM and reports its own heap after a GC,
 * so the figure is the collector's alone. In-process: collector and agents share this JVM, so the
 * difference also holds the agents' side (their streams, Netty client state and buffers).
 */
final class IdleBenchmark {
  private static final Duration SESSION_DEADLINE = Duration.ofHours(1);
  private static final Duration WELCOME_TIMEOUT = Duration.ofSeconds(120);

  /**
   * How the runs are set up.
   *
   * @param dir where the databases go
   * @param token bearer token, or null
   * @param tokenFile the same token in a file, for the forked collector, or null
   * @param agentsPerChannel streams per shared channel
   * @param settle time between the last Welcome and the measurement
   */
  record Settings(Path dir, String token, Path tokenFile, int agentsPerChannel,
      Duration settle) {}

  /**
   * One measurement.
   *
   * @param before memory with the collector running, before any agent connected
   * @param connected the same with the agents connected
   */
  record Heap(String mode, String contains, int agents, HeapSample before,
      HeapSample connected) {
    long delta() {
      return connected.used() - before.used();
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("mode", mode);
      m.put("contains", contains);
      m.put("agents", agents);
      m.put("heap_used_before_mb", before.used() / 1e6);
      m.put("heap_used_connected_mb", connected.used() / 1e6);
      m.put("heap_used_delta_mb", delta() / 1e6);
      m.put("per_agent_kb", delta() / 1e3 / agents);
      m.put("heap_committed_connected_mb", connected.committed() / 1e6);
      m.put("rss_before_mb", before.rss() / 1e6);
      m.put("rss_connected_mb", connected.rss() / 1e6);
      return m;
    }
  }

  private final Settings settings;

  IdleBenchmark(Settings settings) {
    this.settings = settings;
  }

  /** Measures the collector forked, its heap alone. */
  Heap forked(int agents) throws InterruptedException {
    Path db = settings.dir().resolve("idle-forked.db");
    try (ForkedCollector collector = ForkedCollector.start(db, settings.tokenFile())) {
      HeapSample before = collector.heapAfterGc();
      HeapSample connected = connectAndMeasure(collector.port(), agents, collector::heapAfterGc);
      return new Heap("forked", "the collector JVM alone", agents, before, connected);
    }
  }

  /** Measures the collector in this JVM, next to the agents. */
  Heap inProcess(int agents) throws InterruptedException {
    Path db = settings.dir().resolve("idle-in-process.db");
    try (LocalCollector collector = LocalCollector.start(db,
        b -> b.port(0).bindAddress("127.0.0.1").token(settings.token()))) {
      HeapSample before = HeapProbe.sample();
      HeapSample connected = connectAndMeasure(collector.port(), agents, HeapProbe::sample);
      return new Heap("in-process", "collector sessions + the agents' client side", agents,
          before, connected);
    }
  }

  private HeapSample connectAndMeasure(int port, int agents, Supplier<HeapSample> heap)
      throws InterruptedException {
    int channels = Math.max(1, (agents + settings.agentsPerChannel() - 1)
        / settings.agentsPerChannel());
    AckRecorder recorder = new AckRecorder(0, 0);
    try (BenchChannels shared = BenchChannels.open(port, settings.token(), channels);
        AgentFleet fleet = AgentFleet.connect(shared, agents, IngestBenchmark.TARGET, 0,
            recorder, SESSION_DEADLINE)) {
      fleet.awaitWelcomes(WELCOME_TIMEOUT);
      Thread.sleep(settings.settle().toMillis());
      HeapSample used = heap.get();
      if (recorder.problem() != null) {
        throw new UserException("idle bench failed: " + recorder.problem());
      }
      return used;
    }
  }
}
