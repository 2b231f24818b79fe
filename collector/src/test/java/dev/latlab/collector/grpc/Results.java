package dev.latlab.collector.grpc;

import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.JobResult;
import dev.latlab.proto.v1.Round;
import dev.latlab.proto.v1.Statistics;

/** Results as a well-behaved agent would send them. */
final class Results {
  private Results() {}

  /** Returns a valid result of the assignment: 10 runs of 1.5 ms. */
  static JobResult of(JobAssignment job) {
    return builder(job).build();
  }

  static JobResult.Builder builder(JobAssignment job) {
    Round.Builder round = Round.newBuilder();
    for (int i = 0; i < 10; i++) {
      round.addNanos(1_500_000L);
    }
    return JobResult.newBuilder()
        .setJobId(job.getJobId())
        .setAttempt(job.getAttempt())
        .setArchIndex(job.getArchIndex())
        .setLatencyMs(1.5)
        .setStats(Statistics.newBuilder().setN(10).setMedianMs(1.5).setMeanMs(1.5))
        .addRounds(round)
        .setBackendIdentity("fake")
        .setMeasuredAtUnixMs(1);
  }
}
