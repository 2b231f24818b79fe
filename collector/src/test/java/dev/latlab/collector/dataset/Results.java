package dev.latlab.collector.dataset;

import dev.latlab.collector.store.ResultRow;
import dev.latlab.proto.v1.JobResult;
import dev.latlab.proto.v1.Round;
import dev.latlab.proto.v1.Statistics;
import java.util.concurrent.atomic.AtomicInteger;

/** Stored results with real serialised {@link JobResult} messages, for the dataset tests. */
final class Results {
  static final String TARGET = "pixel7-tflite-cpu4";
  private static final AtomicInteger jobs = new AtomicInteger();

  private Results() {}

  /** A plausible result: every statistic derived from the latency, two rounds of two runs. */
  static JobResult.Builder result(int archIndex, double latencyMs) {
    long nanos = Math.round(latencyMs * 1e6);
    return JobResult.newBuilder().setJobId("job-" + jobs.incrementAndGet()).setAttempt(1)
        .setArchIndex(archIndex).setLatencyMs(latencyMs)
        .setStats(Statistics.newBuilder().setN(4).setMedianMs(latencyMs)
            .setMeanMs(latencyMs * 1.01).setStdMs(latencyMs * 0.02).setMinMs(latencyMs * 0.9)
            .setMaxMs(latencyMs * 1.2).setP10Ms(latencyMs * 0.95).setP90Ms(latencyMs * 1.1)
            .setMadMs(latencyMs * 0.01).setLatbenchMs(latencyMs * 1.005).setCiHalfWidth(0.01))
        .addRounds(Round.newBuilder().addNanos(nanos).addNanos(nanos + 1000))
        .addRounds(Round.newBuilder().addNanos(nanos - 1000).addNanos(nanos))
        .setBackendIdentity("tflite 2.21.0 threads=4 xnnpack=on")
        .setProtocolIdentity("warmup=10+1.000s round=10 runs=100 stat=median")
        .setNetworkIdentity("nb201 cifar10 C=16 N=5 seed=0")
        .setDeviceFingerprint("0123456789abcdef").setMeasuredAtUnixMs(1_700_000_000_000L);
  }

  /** Stores a result as the collector would, for {@link #TARGET}. */
  static ResultRow stored(JobResult result, long storedAtMillis) {
    return new ResultRow(result.getJobId(), result.getAttempt(), "campaign-1", TARGET,
        "agent-1", result.getArchIndex(), result.getLatencyMs(), result.toByteArray(),
        storedAtMillis);
  }

  /** A plausible stored result for {@link #TARGET}. */
  static ResultRow stored(int archIndex, double latencyMs) {
    return stored(result(archIndex, latencyMs).build(), 1_700_000_000_000L + jobs.get());
  }
}
