package dev.latlab.cli.collector;

import dev.latlab.agent.LatencyStatistics;
import dev.latlab.agent.remote.ProtoMapping;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.JobResult;
import dev.latlab.proto.v1.Round;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A valid measurement without inference: seeded run times near 1 ms, in rounds, with the statistics
 * the agent would compute from them. Built once per agent; answering an assignment only stamps the
 * job's id, attempt and cell on it, so the agents stay cheap next to the collector they load.
 */
final class SyntheticResult {
  /** Rounds per result. */
  static final int ROUNDS = 5;

  /** Timed runs per round. */
  static final int RUNS_PER_ROUND = 10;

  private final JobResult template;

  /** Draws the run times from {@code seed}. */
  SyntheticResult(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[][] rounds = new long[ROUNDS][RUNS_PER_ROUND];
    for (long[] round : rounds) {
      for (int i = 0; i < round.length; i++) {
        round[i] = 950_000 + random.nextInt(100_000);
      }
    }
    this.template = template(rounds);
  }

  private static JobResult template(long[][] rounds) {
    LatencyStatistics stats = LatencyStatistics.of(rounds);
    JobResult.Builder result = JobResult.newBuilder()
        .setLatencyMs(stats.medianMillis())
        .setStats(ProtoMapping.toStatistics(stats))
        .setBackendIdentity("synthetic (latlab collector bench; no inference)")
        .setProtocolIdentity("bench: " + ROUNDS + " rounds of " + RUNS_PER_ROUND + " runs")
        .setNetworkIdentity("none")
        .setDeviceFingerprint("latlab-bench")
        .setEnvironmentJson("{}")
        .setWallNanos(Arrays.stream(rounds).flatMapToLong(Arrays::stream).sum());
    for (long[] round : rounds) {
      result.addRounds(Round.newBuilder().addAllNanos(Arrays.stream(round).boxed().toList()));
    }
    return result.build();
  }

  /** Returns the result of an assignment: this measurement, for its job, attempt and cell. */
  JobResult answer(JobAssignment job) {
    return template.toBuilder()
        .setJobId(job.getJobId())
        .setAttempt(job.getAttempt())
        .setArchIndex(job.getArchIndex())
        .setMeasuredAtUnixMs(System.currentTimeMillis())
        .build();
  }
}
