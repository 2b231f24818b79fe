package dev.latlab.agent.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.proto.v1.JobResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultSpoolTest {
  @TempDir Path root;
  private Path dir;
  private ResultSpool spool;

  @BeforeEach
  void setUp() throws IOException {
    dir = root.resolve("spool");
    spool = ResultSpool.open(dir);
  }

  private static JobResult result(String jobId, int attempt, long measuredAt) {
    return JobResult.newBuilder().setJobId(jobId).setAttempt(attempt).setArchIndex(5)
        .setLatencyMs(1.5).setMeasuredAtUnixMs(measuredAt).build();
  }

  private String[] files() throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void add_writesOneFilePerResult_andPendingReturnsOldestFirst() throws IOException {
    assertThat(spool.add(result("b", 1, 300))).isTrue();
    assertThat(spool.add(result("a", 2, 100))).isTrue();
    assertThat(spool.add(result("c", 1, 200))).isTrue();
    assertThat(files()).containsExactly("a-2.result", "b-1.result", "c-1.result");
    assertThat(spool.pending()).extracting(JobResult::getJobId).containsExactly("a", "c", "b");
  }

  @Test
  void pending_afterReopen_returnsTheSameResults() throws IOException {
    JobResult r = result("job-1", 1, 100);
    spool.add(r);
    assertThat(ResultSpool.open(dir).pending()).containsExactly(r);
  }

  @Test
  void add_sameAttemptTwice_replacesIt() {
    spool.add(result("a", 1, 100));
    JobResult newer = result("a", 1, 200);
    spool.add(newer);
    assertThat(spool.pending()).containsExactly(newer);
  }

  @Test
  void remove_deletesOnlyThatAttempt() throws IOException {
    spool.add(result("a", 1, 100));
    spool.add(result("a", 2, 200));
    assertThat(spool.remove("a", 1)).isTrue();
    assertThat(spool.remove("a", 1)).isFalse();
    assertThat(files()).containsExactly("a-2.result");
  }

  @Test
  void fileName_unsafeCharacters_arePercentEncoded() {
    assertThat(ResultSpool.fileName("job_1.x-Y", 3)).isEqualTo("job_1.x-Y-3.result");
    assertThat(ResultSpool.fileName("../a/b%c ü", 1))
        .isEqualTo("..%2Fa%2Fb%25c%20%C3%BC-1.result");
  }

  @Test
  void add_unsafeJobId_staysInsideTheDirectoryAndIsRemovable() throws IOException {
    spool.add(result("../escape/é", 1, 100));
    assertThat(files()).containsExactly("..%2Fescape%2F%C3%A9-1.result");
    assertThat(spool.pending()).extracting(JobResult::getJobId).containsExactly("../escape/é");
    assertThat(spool.remove("../escape/é", 1)).isTrue();
    assertThat(files()).isEmpty();
  }

  @Test
  void pending_garbageFile_isMovedAside() throws IOException {
    spool.add(result("good", 1, 100));
    Files.write(dir.resolve("bad-1.result"), new byte[] {(byte) 0xff, 0x7f, 0x01});
    assertThat(spool.pending()).extracting(JobResult::getJobId).containsExactly("good");
    assertThat(files()).containsExactly("bad-1.result.corrupt", "good-1.result");
  }

  @Test
  void pending_truncatedFile_isMovedAside() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    result("cut", 1, 100).toBuilder().setEnvironmentJson("{\"x\":1}").build()
        .writeDelimitedTo(bytes);
    byte[] whole = bytes.toByteArray();
    Files.write(dir.resolve("cut-1.result"), Arrays.copyOf(whole, whole.length - 3));
    Files.write(dir.resolve("empty-1.result"), new byte[0]);
    assertThat(spool.pending()).isEmpty();
    assertThat(files()).containsExactly("cut-1.result.corrupt", "empty-1.result.corrupt");
  }

  @Test
  void pending_fileUnderAnotherJobsName_isMovedAside() throws IOException {
    spool.add(result("a", 1, 100));
    Files.move(dir.resolve("a-1.result"), dir.resolve("b-1.result"));
    assertThat(spool.pending()).isEmpty();
    assertThat(files()).containsExactly("b-1.result.corrupt");
  }

  @Test
  void open_leftoverTemporaryFile_isMovedAside() throws IOException {
    Files.write(dir.resolve("x-1.result.tmp"), new byte[] {1, 2});
    ResultSpool reopened = ResultSpool.open(dir);
    assertThat(files()).containsExactly("x-1.result.tmp.corrupt");
    assertThat(reopened.pending()).isEmpty();
  }

  @Test
  void add_unwritableDirectory_keepsResultInMemoryUntilRemoved() throws IOException {
    Files.delete(dir);
    Files.write(dir, new byte[0]); // a file where the directory was: every write fails
    JobResult r = result("a", 1, 100);
    assertThat(spool.add(r)).isFalse();
    assertThat(spool.pending()).containsExactly(r);
    assertThat(spool.remove("a", 1)).isTrue();
    assertThat(spool.pending()).isEmpty();
  }

  @Test
  void agentId_isCreatedOnceAndKept() throws IOException {
    String id = spool.agentId();
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(spool.agentId()).isEqualTo(id);
    assertThat(ResultSpool.open(dir).agentId()).isEqualTo(id);
    assertThat(spool.pending()).isEmpty();
  }
}
