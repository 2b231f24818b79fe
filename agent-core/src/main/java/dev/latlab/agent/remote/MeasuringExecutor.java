package dev.latlab.agent.remote;

import static java.util.Objects.requireNonNull;

import dev.latlab.agent.Environment;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.Measurement;
import dev.latlab.agent.MeasurementProtocol;
import dev.latlab.agent.Measurer;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.proto.v1.JobAssignment;
import java.util.function.Supplier;

/** Measures a job with a {@link Measurer} on one backend (see {@link JobExecutor#measuring}). */
final class MeasuringExecutor implements JobExecutor {
  private final InferenceBackend backend;
  private final Supplier<Environment> environment;

  MeasuringExecutor(InferenceBackend backend, Supplier<Environment> environment) {
    this.backend = requireNonNull(backend, "backend");
    this.environment = requireNonNull(environment, "environment");
  }

  @Override
  public Measurement execute(JobAssignment job) throws InterruptedException {
    if (!job.hasProtocol() || !job.hasNetwork()) {
      throw new IllegalArgumentException("job " + job.getJobId() + " has no protocol or network");
    }
    MeasurementProtocol protocol =
        ProtoMapping.toMeasurementProtocol(job.getProtocol(), job.getNetwork().getWeightSeed());
    NetworkSpec spec = ProtoMapping.toNetworkSpec(job.getNetwork());
    return new Measurer(backend, protocol, spec, environment).measure(Arch.fromIndex(job.getArchIndex()));
  }
}
