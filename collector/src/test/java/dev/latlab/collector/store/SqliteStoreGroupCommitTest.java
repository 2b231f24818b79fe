package dev.latlab.collector.store;

import static dev.latlab.collector.store.Rows.campaign;
import static dev.latlab.collector.store.Rows.jobs;
import static dev.latlab.collector.store.Rows.queryFresh;
import static dev.latlab.collector.store.Rows.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer thread: group commit, isolation of a bad write, durability, draining on close. */
class SqliteStoreGroupCommitTest {
  private static final int THREADS = 8;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private Path file;
  private SqliteStore store;
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    file = dir.resolve("collector.db");
    store = SqliteStore.open(file);
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    store.close();
  }

  private List<JobRow> createCampaign(String id, int jobs) {
    List<JobRow> rows = jobs(id, jobs);
    store.createCampaign(campaign(id, 1), rows).join();
    return rows;
  }

  /** Runs {@code perThread} storeResult calls on each of 8 threads; returns every future. */
  private List<CompletableFuture<StoreOutcome>> storeConcurrently(
      int perThread, IntFunction<ResultRow> resultOfCall) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<List<CompletableFuture<StoreOutcome>>>> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int first = t * perThread;
      threads.add(CompletableFuture.supplyAsync(() -> {
        awaitQuietly(start);
        List<CompletableFuture<StoreOutcome>> futures = new ArrayList<>(perThread);
        for (int i = first; i < first + perThread; i++) {
          futures.add(store.storeResult(resultOfCall.apply(i)));
        }
        return futures;
      }, pool));
    }
    start.countDown();
    List<CompletableFuture<StoreOutcome>> all = new ArrayList<>();
    for (var thread : threads) {
      all.addAll(thread.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    return all;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Occupies the writer until the returned latch is released, so later writes pile up. */
  private CountDownLatch blockWriter() {
    CountDownLatch release = new CountDownLatch(1);
    store.writeQueue().submit("block the writer", db -> {
      awaitQuietly(release);
      return null;
    });
    return release;
  }

  @Test
  void storeResult_8threadsOnDistinctJobs_allStoredInFewerCommits() throws Exception {
    List<JobRow> jobs = createCampaign("c1", THREADS * 2000);
    long commitsBefore = store.writeQueue().commits();

    List<CompletableFuture<StoreOutcome>> futures =
        storeConcurrently(2000, i -> result(jobs.get(i), "agent-" + (i % THREADS), 1));

    assertThat(futures).hasSize(16_000).allMatch(f -> f.join() == StoreOutcome.STORED);
    assertThat(store.resultCount()).isEqualTo(16_000);
    assertThat(store.counts("c1")).isEqualTo(new JobCounts(0, 16_000, 0));
    assertThat(store.writeQueue().commits() - commitsBefore).isLessThan(16_000);
  }

  @Test
  void storeResult_concurrentDuplicatesOfOneJob_exactlyOneStored() throws Exception {
    JobRow job = createCampaign("c1", 1).get(0);

    List<CompletableFuture<StoreOutcome>> futures =
        storeConcurrently(100, i -> result(job, "agent-" + (i % THREADS), i + 1));

    assertThat(futures).filteredOn(f -> f.join() == StoreOutcome.STORED).hasSize(1);
    assertThat(futures).filteredOn(f -> f.join() == StoreOutcome.DUPLICATE).hasSize(799);
    assertThat(store.resultCount()).isEqualTo(1);
  }

  @Test
  void storeResult_futureCompleted_rowVisibleFromNewConnection() {
    List<JobRow> jobs = createCampaign("c1", 200);
    List<CompletableFuture<String>> seen = new ArrayList<>();
    for (JobRow job : jobs) {
      // Runs as soon as the future completes (usually on the writer thread, right after commit).
      seen.add(store.storeResult(result(job, "a", 1)).thenApply(outcome ->
          queryFresh(file, "SELECT agent_id FROM results WHERE job_id = ?", job.id())));
    }

    assertThat(seen).allSatisfy(f -> assertThat(f.join()).isEqualTo("a"));
  }

  @Test
  void batch_withForeignKeyViolation_failsOnlyThatWrite() {
    List<JobRow> jobs = createCampaign("c1", 2);
    JobRow ghost = Rows.job("ghost", "c1", 7); // never created: violates results.job_id's FK
    CountDownLatch release = blockWriter();
    var good1 = store.storeResult(result(jobs.get(0), "a", 1));
    var bad = store.storeResult(result(ghost, "a", 1));
    var good2 = store.storeResult(result(jobs.get(1), "a", 1));
    release.countDown();

    assertThat(good1.join()).isEqualTo(StoreOutcome.STORED);
    assertThat(good2.join()).isEqualTo(StoreOutcome.STORED);
    assertThatThrownBy(bad::join).hasCauseInstanceOf(StoreException.class)
        .hasMessageContaining("store the result of job ghost")
        .hasMessageContaining("FOREIGN KEY");
    assertThat(store.writeQueue().retriedBatches()).isEqualTo(1);
    assertThat(store.resultCount()).isEqualTo(2);
  }

  @Test
  void close_withPendingWrites_completesThemFirst() throws Exception {
    List<JobRow> jobs = createCampaign("c1", 1000);
    CountDownLatch release = blockWriter();
    List<CompletableFuture<StoreOutcome>> futures = new ArrayList<>();
    for (JobRow job : jobs) {
      futures.add(store.storeResult(result(job, "a", 1)));
    }

    CompletableFuture<Void> closing = CompletableFuture.runAsync(store::close, pool);
    awaitClosed();
    assertThat(futures).noneMatch(CompletableFuture::isDone);
    release.countDown();
    closing.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    assertThat(futures).allMatch(f -> f.getNow(null) == StoreOutcome.STORED);
    assertThatThrownBy(() -> store.storeResult(result(jobs.get(0), "a", 2)).join())
        .hasCauseInstanceOf(StoreException.class).hasMessageContaining("closed");
    assertThat(queryFresh(file, "SELECT COUNT(*) FROM results")).isEqualTo("1000");
  }

  private void awaitClosed() throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!store.writeQueue().isClosed()) {
      assertThat(System.nanoTime()).as("close() started").isLessThan(deadline);
      Thread.sleep(1);
    }
  }
}
