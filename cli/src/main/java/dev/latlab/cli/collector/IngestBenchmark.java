package dev.latlab.cli.collector;

import dev.latlab.cli.UserException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One ingest run: a fresh collector in this JVM (SQLite file, loopback, ephemeral port), a campaign
 * of at least the requested results, then N simulated agents that answer every job at once until
 * every job is acknowledged. The database is checked against the acknowledgements afterwards.
 */
final class IngestBenchmark {
  /** The one target of every simulated agent and of the campaign. */
  static final String TARGET = "latlab-bench";

  private static final Duration SESSION_DEADLINE = Duration.ofHours(1);
  private static final Duration WELCOME_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration REPORT_INTERVAL = Duration.ofSeconds(5);

  /**
   * How every run is set up.
   *
   * @param dir where the databases go
   * @param token bearer token, or null
   * @param results results per run (at least)
   * @param warmup acknowledgements left out of the measurement
   * @param credit jobs each agent keeps in flight
   * @param agentsPerChannel streams per shared channel (connection)
   * @param stallTimeout a run with no acknowledgement for this long fails
   * @param progress where progress lines go
   */
  record Settings(Path dir, String token, int results, int warmup, int credit,
      int agentsPerChannel, Duration stallTimeout, PrintWriter progress) {}

  /** What one run measured. */
  record Result(int agents, int channels, int jobs, int warmup, AckRecorder.Summary acks,
      MeteredStore.Meters meters, ThreadUsage.Usage threads, RowCheck rows, double wallSeconds) {
    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("agents", agents);
      m.put("channels", channels);
      m.put("jobs", jobs);
      m.put("warmup_acks", warmup);
      m.put("measured_acks", acks.measured());
      m.put("measured_s", acks.seconds());
      m.put("results_per_s", acks.perSecond());
      m.put("ack_p50_ms", acks.p50Millis());
      m.put("ack_p99_ms", acks.p99Millis());
      m.put("ack_max_ms", acks.maxMillis());
      m.put("rejected", acks.rejected());
      m.put("duplicate_acks", acks.duplicates());
      m.put("store", meters.toMap());
      m.put("threads", threads.toMap());
      m.put("database", rows.toMap());
      m.put("wall_s", wallSeconds);
      return m;
    }
  }

  private final Settings settings;

  IngestBenchmark(Settings settings) {
    this.settings = settings;
  }

  /** Runs N agents against a fresh collector. */
  Result run(int agents) throws InterruptedException {
    Path db = settings.dir().resolve("ingest-" + agents + ".db");
    AtomicReference<MeteredStore> store = new AtomicReference<>();
    long t0 = System.nanoTime();
    Drive drive;
    try (LocalCollector collector = LocalCollector.start(db, sqlite -> {
      store.set(new MeteredStore(sqlite));
      return store.get();
    }, b -> b.port(0).bindAddress("127.0.0.1").token(settings.token()))) {
      drive = drive(collector.port(), agents, store.get());
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    RowCheck rows = RowCheck.of(db, drive.acked());
    return new Result(agents, channels(agents), drive.jobs(), settings.warmup(), drive.acks(),
        drive.window().meters(), drive.window().threads(), rows, wall);
  }

  private record Drive(int jobs, AckRecorder.Summary acks, Window window, List<String> acked) {}

  // The store's meters and the threads' usage over the measured window.
  private record Window(MeteredStore.Meters meters, ThreadUsage.Usage threads) {}

  private Drive drive(int port, int agents, MeteredStore store) throws InterruptedException {
    String address = "127.0.0.1:" + port;
    try (BenchChannels channels = BenchChannels.open(port, settings.token(), channels(agents))) {
      int jobs = BenchCampaign.create(channels.get(0), address, TARGET, settings.results());
      if (settings.warmup() >= jobs) {
        throw new UserException("--warmup must be below the jobs of a run (" + jobs + ")");
      }
      AckRecorder recorder = new AckRecorder(jobs, settings.warmup());
      try (AgentFleet fleet = AgentFleet.connect(channels, agents, TARGET, settings.credit(),
          recorder, SESSION_DEADLINE)) {
        fleet.awaitWelcomes(WELCOME_TIMEOUT);
        Window window = awaitAll(recorder, jobs, agents, store);
        return new Drive(jobs, recorder.summary(), window, fleet.acked());
      }
    }
  }

  // Waits for every job's answer; measures the window from the end of the warm-up.
  private Window awaitAll(AckRecorder recorder, int jobs, int agents, MeteredStore store)
      throws InterruptedException {
    awaitDone(recorder, settings.warmup(), jobs, agents);
    MeteredStore.Meters atWarm = store.meters();
    try (ThreadUsage usage = ThreadUsage.start()) {
      awaitDone(recorder, jobs, jobs, agents);
      return new Window(store.meters().minus(atWarm), usage.stop());
    }
  }

  // Polls until {@code until} results are answered; fails on a problem or a stall.
  private void awaitDone(AckRecorder recorder, int until, int jobs, int agents)
      throws InterruptedException {
    int last = -1;
    long lastChange = System.nanoTime();
    long nextReport = lastChange + REPORT_INTERVAL.toNanos();
    for (int done = recorder.done(); done < until; done = recorder.done()) {
      long now = System.nanoTime();
      if (done != last) {
        last = done;
        lastChange = now;
      }
      failIfStuck(recorder, agents, done, jobs, now - lastChange);
      if (now >= nextReport) {
        nextReport = now + REPORT_INTERVAL.toNanos();
        report(agents, done, jobs);
      }
      Thread.sleep(10);
    }
  }

  private void failIfStuck(AckRecorder recorder, int agents, int done, int jobs, long idleNanos) {
    String what = agents + " agents";
    if (recorder.problem() != null) {
      throw new UserException("bench with " + what + " failed: " + recorder.problem());
    }
    if (idleNanos > settings.stallTimeout().toNanos()) {
      throw new UserException("bench with " + what + " stalled at " + done + "/" + jobs
          + " results for " + settings.stallTimeout().toSeconds() + " s");
    }
  }

  private void report(int agents, int done, int jobs) {
    settings.progress().printf(Locale.ROOT, "collector bench: %d agents: %d/%d results (%.0f %%)%n",
        agents, done, jobs, 100.0 * done / jobs);
    settings.progress().flush();
  }

  private int channels(int agents) {
    return Math.max(1, (agents + settings.agentsPerChannel() - 1) / settings.agentsPerChannel());
  }
}
