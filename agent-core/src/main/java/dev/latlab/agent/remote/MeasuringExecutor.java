package dev.latlab.agent.remote;

import static java.util.Objects.requireNonNull;

import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.Measurement;
import dev.latlab.agent.MeasurementProtocol;
import dev.latlab.agent.Measurer;
import dev.latlab.nb201.Arch;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.proto.v1.JobAssignment;

/** Measures a job with a {@link Measurer} on one backend (see {@link JobExecutor#measuring}). */
final class MeasuringExecutor implements JobExecutor {
  private final InferenceBackend backend;

  MeasuringExecutor(InferenceBackend backend) {
    this.backend = requireNonNull(backend, "backend");
  }

  @Override
  public Measurement execute(JobAssignment job) throws InterruptedException {
    if (!job.hasProtocol() || !job.hasNetwork()) {
      throw new IllegalArgumentException("job " + job.getJobId() + " has no protocol or network");
    }
    MeasurementProtocol protocol =
        ProtoMapping.toMeasurementProtocol(job.getProtocol(), job.getNetwork().getWeightSeed());
    NetworkSpec spec = ProtoMapping.toNetworkSpec(job.getNetwork());
    return new Measurer(backend, protocol, spec).measure(Arch.fromIndex(job.getArchIndex()));
  }
}
