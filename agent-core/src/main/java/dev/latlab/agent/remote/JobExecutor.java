package dev.latlab.agent.remote;

import dev.latlab.agent.Environment;
import dev.latlab.agent.EnvironmentProbe;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.Measurement;
import dev.latlab.proto.v1.JobAssignment;
import java.util.function.Supplier;

/**
 * Measures one assigned job. The {@link CollectorClient} calls it on its single worker thread, one
 * job at a time, so an implementation need not be thread-safe.
 */
@FunctionalInterface
public interface JobExecutor {
  /**
   * Measures the job's cell with its network skeleton and protocol.
   *
   * @param job the assignment
   * @return the measurement
   * @throws InterruptedException if the client is closing
   * @throws RuntimeException if the job cannot be measured (a bad protocol, a runtime that rejects
   *     the model); the collector is told with a {@code JobFailure}
   */
  Measurement execute(JobAssignment job) throws InterruptedException;

  /**
   * Returns the standard executor: a {@link dev.latlab.agent.Measurer} per job, built from the
   * job's protocol and network options on the given backend, measuring {@code
   * Arch.fromIndex(arch_index)}.
   *
   * @param backend the agent's backend
   * @return the executor
   */
  static JobExecutor measuring(InferenceBackend backend) {
    return new MeasuringExecutor(backend, EnvironmentProbe.system()::capture);
  }

  /**
   * Returns the standard executor recording the environment a platform captures (see {@link
   * #measuring(InferenceBackend)}).
   *
   * @param backend the agent's backend
   * @param environment captures the machine's state right after each measurement; must not throw
   * @return the executor
   */
  static JobExecutor measuring(InferenceBackend backend, Supplier<Environment> environment) {
    return new MeasuringExecutor(backend, environment);
  }
}
