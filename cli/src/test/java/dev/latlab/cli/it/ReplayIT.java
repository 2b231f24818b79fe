package dev.latlab.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.Backends;
import dev.latlab.agent.EnvironmentProbe;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.Measurement;
import dev.latlab.agent.remote.CollectorClient;
import dev.latlab.agent.remote.JobExecutor;
import dev.latlab.agent.remote.ProtoMapping;
import dev.latlab.agent.remote.ResultSpool;
import dev.latlab.cli.remote.Channels;
import dev.latlab.cli.remote.TokenFile;
import dev.latlab.collector.store.ResultRow;
import dev.latlab.collector.store.SqliteStore;
import dev.latlab.proto.v1.CampaignStatus;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.JobResult;
import dev.latlab.proto.v1.ResultAck;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;

/**
 * A result measured while the collector process is down waits in the agent's spool, is replayed
 * to the restarted collector, and is stored exactly once as measured. The agent runs in this JVM
 * with an executor that holds its first job until the collector has been killed, which makes the
 * order of events certain without sleeps.
 */
class ReplayIT extends CollectorAgentFixture {
  private static final String TARGET = "it";
  private static final String AGENT_ID = "replay-agent";
  private static final List<Integer> CELLS = List.of(0, 11, 222, 3333);
  private static final Duration TIMEOUT = Duration.ofSeconds(40);

  @Test
  void resultMeasuredWhileCollectorDown_isReplayedAfterRestart_andStoredOnceAsMeasured()
      throws Exception {
    Path db = dir.resolve("latlab.db");
    Path token = CollectorProcess.newTokenFile(dir, 3);
    collector = CollectorProcess.start(dir, "collector-1", db, token, 0);
    int port = collector.port();
    channel = Channels.open(collector.address(), TokenFile.read(token), null);
    ResultSpool spool = ResultSpool.open(dir.resolve("spool"));
    InferenceBackend backend = Backends.create(BackendConfig.of("onnxruntime", 1));
    HoldFirstJob executor = new HoldFirstJob(JobExecutor.measuring(backend));
    agent = CollectorClient.builder(channel, spool).agentId(AGENT_ID).target(TARGET)
        .description(ProtoMapping.describe(backend, EnvironmentProbe.system().capture()))
        .executor(executor).listener(listener).build();
    agent.start();
    String campaign = Campaigns.create(channel, TARGET, CELLS, Campaigns.fixed(2, 5));

    JobAssignment held = executor.awaitHeld(TIMEOUT);
    Poll.until("the lease of job " + held.getJobId() + " to be in the database", TIMEOUT,
        () -> AGENT_ID.equals(leasedTo(db, held.getJobId())));
    collector.kill();
    Poll.until("the agent to see the collector gone", TIMEOUT,
        () -> listener.disconnections.get() > 0);
    executor.release();
    Poll.until("job " + held.getJobId() + " to be measured", TIMEOUT,
        () -> listener.measured.contains(held.getJobId()));
    JobResult spooled = spool.pending().get(0);
    assertThat(spool.pending()).containsExactly(spooled);
    assertThat(spooled.getJobId()).isEqualTo(held.getJobId());

    collector = CollectorProcess.start(dir, "collector-2", db, token, port);
    ResultAck ack = Poll.until("the replayed result's ack", TIMEOUT,
        () -> listener.acked.stream().filter(a -> a.getJobId().equals(held.getJobId()))
            .findFirst().orElse(null), a -> true);
    assertThat(ack.getAttempt()).isEqualTo(held.getAttempt());
    assertThat(ack.getDuplicate()).isFalse();
    CampaignStatus status = Campaigns.awaitDone(channel, campaign, TIMEOUT);
    assertThat(status.getDone()).isEqualTo(status.getTotal()).isEqualTo(CELLS.size());
    assertThat(listener.rejected).isEmpty();

    agent.close();
    collector.stop();
    assertThat(spool.pending()).isEmpty();
    try (SqliteStore store = SqliteStore.open(db)) {
      List<ResultRow> results = store.results(TARGET);
      assertThat(results).extracting(ResultRow::archIndex)
          .containsExactlyInAnyOrderElementsOf(CELLS);
      ResultRow replayed = results.stream().filter(r -> r.jobId().equals(held.getJobId()))
          .findFirst().orElseThrow();
      assertThat(replayed.agentId()).isEqualTo(AGENT_ID);
      assertThat(replayed.attempt()).isEqualTo(held.getAttempt());
      assertThat(JobResult.parseFrom(replayed.result())).isEqualTo(spooled);
    }
  }

  /** Reads who the database says a job is leased to, on a read-only connection. */
  private static String leasedTo(Path db, String jobId) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    try (Connection c = config.createConnection("jdbc:sqlite:" + db);
        PreparedStatement q = c.prepareStatement("SELECT leased_to FROM jobs WHERE id = ?")) {
      q.setString(1, jobId);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read job " + jobId + " in " + db, e);
    }
  }

  /** Holds the first job it is given until released, then measures every job as usual. */
  private static final class HoldFirstJob implements JobExecutor {
    private final JobExecutor delegate;
    private final CompletableFuture<JobAssignment> held = new CompletableFuture<>();
    private final CountDownLatch released = new CountDownLatch(1);

    HoldFirstJob(JobExecutor delegate) {
      this.delegate = delegate;
    }

    @Override
    public Measurement execute(JobAssignment job) throws InterruptedException {
      if (held.complete(job)) {
        released.await();
      }
      return delegate.execute(job);
    }

    JobAssignment awaitHeld(Duration timeout)
        throws InterruptedException, ExecutionException, TimeoutException {
      return held.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void release() {
      released.countDown();
    }
  }
}
