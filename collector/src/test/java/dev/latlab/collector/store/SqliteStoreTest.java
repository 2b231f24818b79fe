package dev.latlab.collector.store;

import static dev.latlab.collector.store.Rows.TARGET;
import static dev.latlab.collector.store.Rows.agent;
import static dev.latlab.collector.store.Rows.campaign;
import static dev.latlab.collector.store.Rows.jobs;
import static dev.latlab.collector.store.Rows.queryFresh;
import static dev.latlab.collector.store.Rows.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {
  @TempDir Path dir;
  private Path file;
  private SqliteStore store;

  @BeforeEach
  void setUp() {
    file = dir.resolve("collector.db");
    store = SqliteStore.open(file);
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private List<JobRow> createCampaign(String id, long createdAt, int jobs) {
    List<JobRow> rows = jobs(id, jobs);
    store.createCampaign(campaign(id, createdAt), rows).join();
    return rows;
  }

  @Test
  void open_missingParentDirectories_createsThem() {
    Path nested = dir.resolve("a/b/c/store.db");
    try (SqliteStore other = SqliteStore.open(nested)) {
      assertThat(nested).exists();
      assertThat(other.campaigns()).isEmpty();
    }
  }

  @Test
  void openWriter_pragmas_walFullSyncForeignKeysBusyTimeout() throws SQLException {
    try (Connection c = SqliteConnections.openWriter(dir.resolve("pragmas.db"))) {
      assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(c, "synchronous")).isEqualTo("2"); // FULL
      assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
      assertThat(pragma(c, "busy_timeout")).isEqualTo("10000");
    }
  }

  private static String pragma(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Test
  void createCampaign_readBack_returnsCampaignAndJobs() {
    List<JobRow> jobs = createCampaign("c1", 42, 3);

    CampaignRow read = store.campaign("c1").orElseThrow();
    assertThat(read).usingRecursiveComparison().isEqualTo(campaign("c1", 42));
    assertThat(store.job("c1/1")).contains(jobs.get(1));
    assertThat(store.counts("c1")).isEqualTo(new JobCounts(3, 0, 0));
  }

  @Test
  void createCampaign_emptyBlobs_readBackEmpty() {
    CampaignRow empty = new CampaignRow("e", TARGET, "list", 0, 1, new byte[0], new byte[0], 1, "");
    store.createCampaign(empty, List.of()).join();

    CampaignRow read = store.campaign("e").orElseThrow();
    assertThat(read.protocol()).isEmpty();
    assertThat(read.network()).isEmpty();
  }

  @Test
  void createCampaign_jobOfAnotherCampaign_throws() {
    assertThatThrownBy(() -> store.createCampaign(campaign("c1", 1), jobs("c2", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("c2/0");
  }

  @Test
  void createCampaign_existingId_failsAndWritesNothing() {
    createCampaign("c1", 1, 2);

    var again = store.createCampaign(campaign("c1", 2), List.of(Rows.job("other", "c1", 5)));

    assertThatThrownBy(again::join).hasCauseInstanceOf(StoreException.class)
        .hasMessageContaining("create campaign c1");
    assertThat(store.job("other")).isEmpty();
  }

  @Test
  void campaigns_several_newestFirst() {
    createCampaign("b", 1, 0);
    createCampaign("a", 2, 0);
    createCampaign("c", 3, 0);

    assertThat(store.campaigns()).extracting(CampaignRow::id).containsExactly("c", "a", "b");
  }

  @Test
  void reads_unknownIds_emptyOrZero() {
    assertThat(store.campaign("nope")).isEmpty();
    assertThat(store.job("nope")).isEmpty();
    assertThat(store.counts("nope")).isEqualTo(new JobCounts(0, 0, 0));
    assertThat(store.results("nope")).isEmpty();
  }

  @Test
  void storeResult_sameJobTwice_storedThenDuplicate() {
    JobRow job = createCampaign("c1", 1, 1).get(0);
    ResultRow first = result(job, "agent-a", 1);

    assertThat(store.storeResult(first).join()).isEqualTo(StoreOutcome.STORED);
    assertThat(store.storeResult(first).join()).isEqualTo(StoreOutcome.DUPLICATE);
    assertThat(store.storeResult(result(job, "agent-b", 2)).join())
        .isEqualTo(StoreOutcome.DUPLICATE);

    assertThat(store.resultCount()).isEqualTo(1);
    assertThat(store.results(TARGET)).singleElement()
        .usingRecursiveComparison().isEqualTo(first);
    assertThat(store.job(job.id()).orElseThrow().state()).isEqualTo(JobRow.State.DONE);
  }

  @Test
  void counts_mixedStates_countsEach() {
    List<JobRow> jobs = createCampaign("c1", 1, 5);
    createCampaign("c2", 2, 4);

    store.storeResult(result(jobs.get(0), "a", 1)).join();
    store.storeResult(result(jobs.get(1), "a", 1)).join();
    store.markFailed(jobs.get(2).id(), "crashed 3 times").join();

    assertThat(store.counts("c1")).isEqualTo(new JobCounts(2, 2, 1));
    assertThat(store.counts("c2")).isEqualTo(new JobCounts(4, 0, 0));
  }

  @Test
  void openJobs_twoCampaigns_oldestCampaignFirstThenCreationOrder() {
    // Ids sort against creation order, so an ORDER BY id would fail this test.
    List<JobRow> older = List.of(Rows.job("z", "old", 1), Rows.job("y", "old", 2));
    List<JobRow> newer = List.of(Rows.job("b", "new", 3), Rows.job("a", "new", 4));
    store.createCampaign(campaign("old", 5), older).join();
    store.createCampaign(campaign("new", 6), newer).join();

    assertThat(store.openJobs()).extracting(JobRow::id).containsExactly("z", "y", "b", "a");
  }

  @Test
  void openJobs_doneAndFailedJobs_leaveIt() {
    List<JobRow> jobs = createCampaign("c1", 1, 4);

    store.storeResult(result(jobs.get(1), "a", 1)).join();
    store.markFailed(jobs.get(2).id(), "timeout").join();

    assertThat(store.openJobs()).extracting(JobRow::id).containsExactly("c1/0", "c1/3");
  }

  @Test
  void recordLease_persisted() {
    JobRow job = createCampaign("c1", 1, 1).get(0);

    store.recordLease(job.id(), 1, "agent-a").join();
    store.recordLease(job.id(), 2, "agent-b").join();

    JobRow read = store.job(job.id()).orElseThrow();
    assertThat(read.attempts()).isEqualTo(2);
    assertThat(read.leasedTo()).isEqualTo("agent-b");
    assertThat(read.state()).isEqualTo(JobRow.State.OPEN);
  }

  @Test
  void recordLeaseAndMarkFailed_unknownJob_failWithStoreException() {
    assertThatThrownBy(() -> store.recordLease("ghost", 1, "a").join())
        .isInstanceOf(CompletionException.class).hasCauseInstanceOf(StoreException.class)
        .hasMessageContaining("no job ghost");
    assertThatThrownBy(() -> store.markFailed("ghost", "why").join())
        .hasCauseInstanceOf(StoreException.class).hasMessageContaining("no job ghost");
  }

  @Test
  void markFailed_openJob_setsStateAndReason() {
    JobRow job = createCampaign("c1", 1, 1).get(0);

    store.markFailed(job.id(), "OOM on every attempt").join();

    assertThat(store.job(job.id()).orElseThrow().state()).isEqualTo(JobRow.State.FAILED);
    assertThat(queryFresh(file, "SELECT failure_reason FROM jobs WHERE id = ?", job.id()))
        .isEqualTo("OOM on every attempt");
  }

  @Test
  void markFailed_jobWithResult_staysDone() {
    JobRow job = createCampaign("c1", 1, 1).get(0);
    store.storeResult(result(job, "a", 1)).join();

    store.markFailed(job.id(), "late timeout").join();

    assertThat(store.job(job.id()).orElseThrow().state()).isEqualTo(JobRow.State.DONE);
  }

  @Test
  void agents_withResults_countsAndMostRecentFirst() {
    List<JobRow> jobs = createCampaign("c1", 1, 3);
    store.upsertAgent(agent("old", 10)).join();
    store.upsertAgent(agent("recent", 20)).join();
    store.storeResult(result(jobs.get(0), "old", 1)).join();
    store.storeResult(result(jobs.get(1), "old", 1)).join();
    store.storeResult(result(jobs.get(2), "recent", 1)).join();

    assertThat(store.agents()).extracting(AgentRow::agentId, AgentRow::resultsStored)
        .containsExactly(tuple("recent", 1L), tuple("old", 2L));
  }

  @Test
  void upsertAgent_existing_updatesTargetDescriptionAndLastSeen() {
    store.upsertAgent(agent("a", 10)).join();
    AgentRow moved = new AgentRow("a", "jetson-gpu", Rows.bytes("new"), 99, 123);

    store.upsertAgent(moved).join();

    assertThat(store.agents()).singleElement()
        .usingRecursiveComparison().isEqualTo(new AgentRow("a", "jetson-gpu", Rows.bytes("new"),
            99, 0));
  }

  @Test
  void results_twoTargets_onlyThatTargetInStoringOrder() {
    List<JobRow> jobs = createCampaign("c1", 1, 3);
    ResultRow other = new ResultRow("c1/0", 1, "c1", "other-target", "x", 100, 1, new byte[0], 5);
    store.storeResult(result(jobs.get(2), "a", 1)).join();
    store.storeResult(other).join();
    store.storeResult(result(jobs.get(1), "a", 1)).join();

    assertThat(store.results(TARGET)).extracting(ResultRow::jobId).containsExactly("c1/2", "c1/1");
    assertThat(store.results("other-target")).singleElement()
        .usingRecursiveComparison().isEqualTo(other);
  }

  @Test
  void closeAndReopen_everythingSurvives() {
    List<JobRow> jobs = createCampaign("c1", 7, 3);
    store.recordLease(jobs.get(0).id(), 1, "a").join();
    store.storeResult(result(jobs.get(0), "a", 1)).join();
    store.markFailed(jobs.get(1).id(), "bad").join();
    store.upsertAgent(agent("a", 30)).join();
    store.close();

    store = SqliteStore.open(file);

    assertThat(store.campaign("c1").orElseThrow()).usingRecursiveComparison()
        .isEqualTo(campaign("c1", 7));
    assertThat(store.counts("c1")).isEqualTo(new JobCounts(1, 1, 1));
    assertThat(store.job("c1/0").orElseThrow().leasedTo()).isEqualTo("a");
    assertThat(store.openJobs()).extracting(JobRow::id).containsExactly("c1/2");
    assertThat(store.results(TARGET)).singleElement().usingRecursiveComparison()
        .isEqualTo(result(jobs.get(0), "a", 1));
    assertThat(store.agents()).extracting(AgentRow::resultsStored).containsExactly(1L);
  }

  @Test
  void afterClose_readsAndWritesFail() {
    store.close();
    store.close(); // idempotent

    assertThatThrownBy(store::campaigns).isInstanceOf(StoreException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> store.markFailed("j", "r").join())
        .hasCauseInstanceOf(StoreException.class).hasMessageContaining("closed");
  }
}
