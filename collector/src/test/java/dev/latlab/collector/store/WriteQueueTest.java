package dev.latlab.collector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteQueueTest {
  @TempDir Path dir;
  private WriteQueue queue;

  @BeforeEach
  void setUp() throws SQLException {
    StatementCache db = new StatementCache(SqliteConnections.openWriter(dir.resolve("q.db")));
    db.executeOnce("CREATE TABLE t (x INTEGER NOT NULL)");
    queue = WriteQueue.start(db, 1);
  }

  @AfterEach
  void tearDown() {
    queue.close();
  }

  private CountDownLatch blockWriter() {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(1);
    queue.submit("block", db -> {
      running.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    });
    awaitUninterruptibly(running); // the blocker has left the queue: capacity 1 is free again
    return release;
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private CompletableFuture<Integer> insert(int x) {
    return queue.submit("insert " + x,
        db -> db.bind("INSERT INTO t VALUES (?)", x).executeUpdate());
  }

  @Test
  void submit_queueFull_failsAtOnce() {
    CountDownLatch release = blockWriter();
    CompletableFuture<Integer> queued = insert(1);

    CompletableFuture<Integer> rejected = insert(2);

    assertThatThrownBy(rejected::join).hasCauseInstanceOf(StoreException.class)
        .hasMessageContaining("Cannot insert 2: the write queue is full");
    release.countDown();
    assertThat(queued.join()).isEqualTo(1);
  }

  @Test
  void submit_opThrowsError_failsItsFutureAndWriterSurvives() {
    CompletableFuture<Object> broken = queue.submit("explode", db -> {
      throw new AssertionError("boom");
    });

    assertThatThrownBy(broken::join).hasCauseInstanceOf(StoreException.class)
        .hasMessageContaining("explode");
    assertThat(insert(3).join()).isEqualTo(1);
  }

  @Test
  void submit_constraintViolation_failsWithMessageNamingTheWrite() {
    CompletableFuture<Integer> bad =
        queue.submit("insert null", db -> db.bind("INSERT INTO t VALUES (?)", (Object) null)
            .executeUpdate());

    assertThatThrownBy(bad::join).hasCauseInstanceOf(StoreException.class)
        .hasMessageContaining("Failed to insert null").hasMessageContaining("NOT NULL");
  }
}
