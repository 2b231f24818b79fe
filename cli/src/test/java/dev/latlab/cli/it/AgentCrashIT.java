package dev.latlab.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.cli.remote.Channels;
import dev.latlab.cli.remote.TokenFile;
import dev.latlab.collector.CollectorServer;
import dev.latlab.collector.store.JobRow;
import dev.latlab.collector.store.ResultRow;
import dev.latlab.collector.store.SqliteStore;
import dev.latlab.proto.v1.CampaignStatus;
import dev.latlab.proto.v1.Protocol;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agent processes ({@code latlab agent --collector}) that die or hang in the middle of a job, and a
 * second agent of the same target that takes over. The collector runs in this JVM, since the CLI
 * has no flags for the short heartbeat and lease timeout used here (1 s and 3 s).
 */
class AgentCrashIT {
  private static final String TARGET = "it";
  /** Cells of about 1.3 ms each with onnxruntime on one thread. */
  private static final List<Integer> CELLS = List.of(1, 2, 100, 5000);
  /** About 1.5 s per job: long enough to be caught in the middle of one. */
  private static final Protocol SECONDS_PER_JOB = Campaigns.fixed(100, 10);
  private static final Pattern STORED = Pattern.compile("^job (\\S+) stored$");
  private static final Duration TIMEOUT = Duration.ofSeconds(45);

  // Kept when a test fails: NAME.out and NAME.err hold what each process printed.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir;
  private Path db;
  private Path token;
  private SqliteStore store;
  private CollectorServer server;
  private ManagedChannel channel;
  private LatLabProcess agentA;
  private LatLabProcess agentB;

  @BeforeEach
  void setUp() throws IOException {
    db = dir.resolve("latlab.db");
    token = CollectorProcess.newTokenFile(dir, 2);
    store = SqliteStore.open(db);
    server = CollectorServer.builder().store(store).bindAddress("127.0.0.1").port(0)
        .token(TokenFile.read(token)).heartbeatInterval(Duration.ofSeconds(1))
        .leaseTimeout(Duration.ofSeconds(3)).build().start();
    channel = Channels.open(address(), TokenFile.read(token), null);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    Stream.of(agentA, agentB).filter(Objects::nonNull).forEach(LatLabProcess::close);
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close(); // idempotent, like server.close(): a test may have closed both already
    }
  }

  @Test
  void agentKilledMidJob_otherAgentFinishesIt_everyCellStoredOnce() throws Exception {
    String campaign = Campaigns.create(channel, TARGET, CELLS, SECONDS_PER_JOB);
    agentA = startAgent("agent-a");
    String first = agentA.awaitLine(STORED, TIMEOUT).group(1);
    JobRow killed = Poll.until("agent-a to lease its second job", TIMEOUT,
        () -> openJobLeasedTo("agent-a"), job -> true);
    assertThat(Campaigns.status(channel, campaign).getLeased()).isEqualTo(1);

    agentA.kill();
    awaitNoAgentNorLease(campaign);
    agentB = startAgent("agent-b");
    assertDone(Campaigns.awaitDone(channel, campaign, TIMEOUT));

    Map<String, ResultRow> results = stopCollectorAndReadResults();
    assertThat(results.get(first).agentId()).isEqualTo("agent-a");
    assertThat(results.get(killed.id())).satisfies(r -> {
      assertThat(r.agentId()).isEqualTo("agent-b");
      assertThat(r.attempt()).isEqualTo(killed.attempts() + 1);
    });
  }

  @Test
  void agentFrozenMidJob_leaseExpires_otherAgentFinishesIt_thawedResultNotStoredAgain()
      throws Exception {
    String campaign = Campaigns.create(channel, TARGET, CELLS, SECONDS_PER_JOB);
    agentA = startAgent("agent-a");
    JobRow frozen = Poll.until("agent-a to lease a job", TIMEOUT,
        () -> openJobLeasedTo("agent-a"), job -> true);

    // SIGSTOP keeps the TCP connection open: only the missing heartbeats can end the session.
    agentA.signal("STOP");
    awaitNoAgentNorLease(campaign);
    agentB = startAgent("agent-b");
    assertDone(Campaigns.awaitDone(channel, campaign, TIMEOUT));

    agentA.signal("CONT");
    agentA.awaitLine(Pattern.compile("^job " + Pattern.quote(frozen.id())
        + " stored \\(already stored\\)$"), TIMEOUT);
    try (Stream<Path> spooled = Files.list(dir.resolve("spool-agent-a"))) {
      assertThat(spooled.map(p -> p.getFileName().toString())).containsExactly("agent-id");
    }
    Map<String, ResultRow> results = stopCollectorAndReadResults();
    assertThat(results.get(frozen.id())).satisfies(r -> {
      assertThat(r.agentId()).isEqualTo("agent-b");
      assertThat(r.attempt()).isEqualTo(frozen.attempts() + 1);
    });
  }

  private String address() {
    return "127.0.0.1:" + server.port();
  }

  /** Starts {@code latlab agent --collector} with a spool whose agent id is {@code id}. */
  private LatLabProcess startAgent(String id) throws IOException {
    Path spool = Files.createDirectories(dir.resolve("spool-" + id));
    Files.writeString(spool.resolve("agent-id"), id + "\n");
    return LatLabProcess.start(dir, id, "agent", "--collector", address(), "--token-file",
        token.toString(), "--target", TARGET, "--spool-dir", spool.toString());
  }

  private JobRow openJobLeasedTo(String agentId) {
    return store.openJobs().stream().filter(job -> agentId.equals(job.leasedTo())).findFirst()
        .orElse(null);
  }

  private void awaitNoAgentNorLease(String campaign) throws InterruptedException {
    Poll.until("the collector to drop the agent and its lease", TIMEOUT,
        () -> Campaigns.status(channel, campaign),
        s -> s.getAgentsConnected() == 0 && s.getLeased() == 0);
  }

  private static void assertDone(CampaignStatus status) {
    assertThat(status.getTotal()).isEqualTo(CELLS.size());
    assertThat(status.getDone()).isEqualTo(status.getTotal());
    assertThat(status.getFailed()).isZero();
  }

  /** Stops the collector, reopens its database and checks each cell has exactly one result. */
  private Map<String, ResultRow> stopCollectorAndReadResults() {
    server.close();
    store.close();
    try (SqliteStore reopened = SqliteStore.open(db)) {
      List<ResultRow> results = reopened.results(TARGET);
      assertThat(results).extracting(ResultRow::archIndex)
          .containsExactlyInAnyOrderElementsOf(CELLS);
      return results.stream().collect(Collectors.toMap(ResultRow::jobId, Function.identity()));
    }
  }
}
