package dev.latlab.agent.remote;

import dev.latlab.agent.BackendConfig;
import dev.latlab.agent.Environment;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.LatencyStatistics;
import dev.latlab.agent.LoadedModel;
import dev.latlab.agent.Measurement;
import dev.latlab.agent.MeasurementProtocol;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.nb201.net.Network;
import dev.latlab.proto.v1.JobAssignment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Shared values for the remote tests: an environment, a backend that does nothing, jobs. */
final class Fixtures {
  static final Environment ENVIRONMENT = new Environment("Fake CPU \"X\" @ 2.4GHz", 4,
      "performance", List.of(1800.0, Double.NaN), List.of(2400.0, 2400.0),
      new TreeMap<>(Map.of("cpu-thermal", 45.5)), Double.NaN, "Linux", "6.1.0", "aarch64",
      "Test JVM 17", 8L << 30, "Board ü", Instant.parse("2025-01-02T03:04:05.678Z"));

  static final InferenceBackend BACKEND = new NoOpBackend();

  static final MeasurementProtocol PROTOCOL = MeasurementProtocol.builder().warmupRuns(1)
      .warmupNanos(0).fixed(2, 3).inputSeed(7).weightSeed(42).build();

  private Fixtures() {}

  /** Returns a job for cell {@code arch} with {@link #PROTOCOL} on CIFAR-10's skeleton. */
  static JobAssignment job(String id, int attempt, int arch) {
    return JobAssignment.newBuilder().setJobId(id).setAttempt(attempt).setCampaignId("c1")
        .setArchIndex(arch)
        .setNetwork(ProtoMapping.toNetworkOptions(NetworkSpec.CIFAR10, PROTOCOL.weightSeed()))
        .setProtocol(ProtoMapping.toProto(PROTOCOL)).build();
  }

  /** Returns a synthetic measurement of a job: two rounds, latency 2 ms. */
  static Measurement measurement(JobAssignment job) {
    long[][] rounds = {{1_000_000, 2_000_000, 3_000_000}, {2_000_000, 2_000_000, 2_500_000}};
    LatencyStatistics stats = LatencyStatistics.of(rounds);
    return new Measurement(Arch.fromIndex(job.getArchIndex()), NetworkSpec.CIFAR10,
        BACKEND.identity(), PROTOCOL.identity(), stats, stats.medianMillis(), rounds, false,
        12_345_678L, ENVIRONMENT);
  }

  /** A backend whose runs take no time; not a runtime. */
  private static final class NoOpBackend implements InferenceBackend {
    @Override
    public String name() {
      return "noop";
    }

    @Override
    public String runtimeVersion() {
      return "noop 0.0";
    }

    @Override
    public BackendConfig config() {
      return BackendConfig.of("noop", 2);
    }

    @Override
    public LoadedModel load(Network network) {
      return new LoadedModel() {
        @Override
        public void setInput(float[] nchw) {}

        @Override
        public void run() {}

        @Override
        public float[] output() {
          return new float[network.classes()];
        }

        @Override
        public void close() {}
      };
    }
  }
}
