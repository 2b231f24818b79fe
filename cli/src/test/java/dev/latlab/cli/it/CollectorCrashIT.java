package dev.latlab.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.Backends;
import dev.latlab.cli.agent.AgentFactory;
import dev.latlab.cli.remote.Channels;
import dev.latlab.cli.remote.TokenFile;
import dev.latlab.collector.store.JobRow;
import dev.latlab.collector.store.ResultRow;
import dev.latlab.collector.store.SqliteStore;
import dev.latlab.proto.v1.CampaignStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A collector process killed with SIGKILL in the middle of a campaign, and restarted on the same
 * port and database: the agent (in this JVM, built by {@link AgentFactory} as {@code latlab agent
 * --collector} builds it) reconnects on its own and the campaign completes, with every cell stored
 * once and no acknowledged result lost.
 */
class CollectorCrashIT extends CollectorAgentFixture {
  private static final String TARGET = "it";
  private static final List<Integer> CELLS =
      IntStream.range(0, 15).mapToObj(i -> 7 + 1031 * i).toList();
  private static final int ACKS_BEFORE_KILL = 3;
  private static final Duration TIMEOUT = Duration.ofSeconds(40);

  @Test
  void collectorKilledMidCampaign_restarts_campaignCompletesWithEveryResultOnce()
      throws Exception {
    Path db = dir.resolve("latlab.db");
    Path token = CollectorProcess.newTokenFile(dir, 1);
    collector = CollectorProcess.start(dir, "collector-1", db, token, 0);
    int port = collector.port();
    channel = Channels.open(collector.address(), TokenFile.read(token), null);
    agent = AgentFactory.create(channel, Backends.create(BackendConfig.of("onnxruntime", 1)),
        TARGET, dir.resolve("spool"), listener);
    agent.start();
    String campaign = Campaigns.create(channel, TARGET, CELLS, Campaigns.fixed(2, 5));

    Poll.until(ACKS_BEFORE_KILL + " acks", TIMEOUT,
        () -> listener.acked.size() >= ACKS_BEFORE_KILL);
    collector.kill();
    List<String> ackedBeforeKill = listener.ackedJobIds();
    assertThat(ackedBeforeKill).as("the kill must hit a running campaign")
        .hasSizeLessThan(CELLS.size());

    collector = CollectorProcess.start(dir, "collector-2", db, token, port);
    CampaignStatus status = Campaigns.awaitDone(channel, campaign, TIMEOUT);
    assertThat(status.getTotal()).isEqualTo(CELLS.size());
    assertThat(status.getDone()).isEqualTo(status.getTotal());
    assertThat(status.getFailed()).isZero();
    assertThat(listener.connections.get()).as("sessions: before and after the crash")
        .isGreaterThanOrEqualTo(2);

    agent.close();
    collector.stop();
    try (SqliteStore store = SqliteStore.open(db)) {
      List<ResultRow> results = store.results(TARGET);
      assertThat(results).extracting(ResultRow::archIndex)
          .containsExactlyInAnyOrderElementsOf(CELLS);
      assertThat(results).extracting(ResultRow::campaignId).containsOnly(campaign);
      assertThat(results).extracting(ResultRow::jobId).containsAll(ackedBeforeKill);
      assertThat(results).allSatisfy(r -> assertThat(store.job(r.jobId()))
          .hasValueSatisfying(j -> assertThat(j.state()).isEqualTo(JobRow.State.DONE)));
    }
  }
}
