package dev.latlab.collector.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.JobResult;
import dev.latlab.proto.v1.ResultRejected;
import dev.latlab.proto.v1.Round;
import dev.latlab.proto.v1.Statistics;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Refused results: the right code, nothing stored, and the stream stays usable. */
class ResultValidationTest {
  private static final String TARGET = "rpi5-onnx-1t";

  @TempDir Path dir;
  private Harness harness;
  private AgentClient agent;
  private JobAssignment job;

  @BeforeEach
  void setUp() {
    harness = Harness.with(dir).start();
    harness.createCampaign(TARGET, 100);
    agent = harness.connected("a1", TARGET);
    agent.credit(1);
    job = agent.nextAssignment();
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  static Stream<Arguments> badResults() {
    return Stream.of(
        bad("unknown job", Status.Code.NOT_FOUND, r -> r.setJobId("nope-1-0")),
        bad("no job id", Status.Code.INVALID_ARGUMENT, r -> r.setJobId("")),
        bad("other cell", Status.Code.INVALID_ARGUMENT, r -> r.setArchIndex(101)),
        bad("NaN latency", Status.Code.INVALID_ARGUMENT, r -> r.setLatencyMs(Double.NaN)),
        bad("infinite", Status.Code.INVALID_ARGUMENT,
            r -> r.setLatencyMs(Double.POSITIVE_INFINITY)),
        bad("zero latency", Status.Code.INVALID_ARGUMENT, r -> r.setLatencyMs(0)),
        bad("negative", Status.Code.INVALID_ARGUMENT, r -> r.setLatencyMs(-1)),
        bad("over 10 min", Status.Code.INVALID_ARGUMENT, r -> r.setLatencyMs(600_000.001)),
        bad("n = 0", Status.Code.INVALID_ARGUMENT, r -> r.setStats(Statistics.newBuilder())),
        bad("no rounds", Status.Code.INVALID_ARGUMENT, JobResult.Builder::clearRounds),
        bad("empty round", Status.Code.INVALID_ARGUMENT, r -> r.addRounds(Round.newBuilder())),
        bad("zero run", Status.Code.INVALID_ARGUMENT,
            r -> r.setRounds(0, r.getRounds(0).toBuilder().setNanos(3, 0))),
        bad("negative run", Status.Code.INVALID_ARGUMENT,
            r -> r.setRounds(0, r.getRounds(0).toBuilder().setNanos(0, -5))),
        bad("older attempt", Status.Code.FAILED_PRECONDITION, r -> r.setAttempt(0)),
        bad("newer attempt", Status.Code.FAILED_PRECONDITION, r -> r.setAttempt(2)));
  }

  private static Arguments bad(String name, Status.Code code, UnaryOperator<JobResult.Builder> f) {
    return Arguments.of(name, code, f);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badResults")
  void result_bad_isRejectedWithCodeAndNothingStored(String name, Status.Code code,
      UnaryOperator<JobResult.Builder> spoil) {
    JobResult result = spoil.apply(Results.builder(job)).build();
    agent.result(result);
    ResultRejected rejected = agent.nextRejected();
    assertThat(rejected.getCode()).isEqualTo(code.value());
    assertThat(rejected.getJobId()).isEqualTo(result.getJobId());
    assertThat(rejected.getAttempt()).isEqualTo(result.getAttempt());
    assertThat(rejected.getDescription()).isNotBlank();
    assertThat(harness.store.resultCount()).isZero();
    agent.result(Results.of(job)); // the stream is still open and the job still leased
    assertThat(agent.nextAck().getDuplicate()).isFalse();
  }

  @Test
  void result_fromAgentTheJobIsNotLeasedTo_isFailedPrecondition() {
    AgentClient other = harness.connected("a2", TARGET);
    other.result(Results.of(job));
    ResultRejected rejected = other.nextRejected();
    assertThat(rejected.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION.value());
    assertThat(rejected.getDescription())
        .isEqualTo("job " + job.getJobId() + " attempt 1 is leased to another agent");
    assertThat(harness.store.resultCount()).isZero();
  }

  @Test
  void result_ofJobNeverLeased_isFailedPrecondition() {
    harness.createCampaign(TARGET, 200);
    String jobId = harness.store.openJobs().stream().filter(j -> j.archIndex() == 200)
        .findFirst().orElseThrow().id();
    agent.result(Results.of(job).toBuilder().setJobId(jobId).setArchIndex(200).build());
    ResultRejected rejected = agent.nextRejected();
    assertThat(rejected.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION.value());
    assertThat(rejected.getDescription()).isEqualTo("job " + jobId + " was never leased");
  }

  @Test
  void result_ofJobOfAnotherTarget_isFailedPrecondition() {
    harness.createCampaign("other-target", 300);
    String jobId = harness.store.openJobs().stream().filter(j -> j.archIndex() == 300)
        .findFirst().orElseThrow().id();
    agent.result(Results.of(job).toBuilder().setJobId(jobId).setArchIndex(300).build());
    ResultRejected rejected = agent.nextRejected();
    assertThat(rejected.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION.value());
    assertThat(rejected.getDescription()).contains("belongs to target other-target");
  }
}
