package dev.latlab.collector.grpc;

import dev.latlab.collector.store.JobRow;
import dev.latlab.proto.v1.JobResult;
import dev.latlab.proto.v1.Round;
import io.grpc.Status;

/** The checks of a result that need nothing but the result and its stored job. */
final class ResultChecks {
  /** Longest latency accepted: 10 minutes. */
  static final double MAX_LATENCY_MS = 600_000;

  private ResultChecks() {}

  /**
   * Returns why the result cannot belong to the job or is not a measurement, or null.
   *
   * @param result the result
   * @param job its stored job, or null if the id is unknown
   * @return the rejection, or null
   */
  static Rejection check(JobResult result, JobRow job) {
    String id = Names.printable(result.getJobId());
    if (result.getJobId().isEmpty()) {
      return Rejection.invalid("job_id is required");
    }
    if (job == null) {
      return new Rejection(Status.Code.NOT_FOUND, "unknown job " + id);
    }
    if (result.getArchIndex() != job.archIndex()) {
      return Rejection.invalid("job " + id + " measures cell " + job.archIndex() + ", not "
          + result.getArchIndex());
    }
    String problem = measurementProblem(result);
    return problem == null ? null : Rejection.invalid("job " + id + ": " + problem);
  }

  /** Returns what is wrong with the numbers of a result, or null. */
  static String measurementProblem(JobResult result) {
    double latency = result.getLatencyMs();
    if (!Double.isFinite(latency) || latency <= 0 || latency > MAX_LATENCY_MS) {
      return "latency_ms must be finite, positive and at most " + (long) MAX_LATENCY_MS + ": "
          + latency;
    }
    if (result.getStats().getN() < 1) {
      return "stats.n must be at least 1: " + result.getStats().getN();
    }
    if (result.getRoundsCount() == 0) {
      return "rounds are required (the raw timed runs)";
    }
    for (int r = 0; r < result.getRoundsCount(); r++) {
      String problem = roundProblem(result.getRounds(r));
      if (problem != null) {
        return "round " + r + " " + problem;
      }
    }
    return null;
  }

  private static String roundProblem(Round round) {
    if (round.getNanosCount() == 0) {
      return "has no runs";
    }
    for (int i = 0; i < round.getNanosCount(); i++) {
      if (round.getNanos(i) <= 0) {
        return "run " + i + " must be positive: " + round.getNanos(i) + " ns";
      }
    }
    return null;
  }
}
