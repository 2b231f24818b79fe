package dev.latlab.agent.android.session;

import static java.util.Objects.requireNonNull;

import dev.latlab.agent.Measurement;
import dev.latlab.agent.android.device.PauseMonitor;
import dev.latlab.agent.remote.JobExecutor;
import dev.latlab.proto.v1.JobAssignment;
import java.util.function.Consumer;

/**
 * Measures a job only once the phone may measure: waits while the {@link PauseMonitor} says it is
 * too hot or low on battery (the job stays leased: heartbeats keep the lease while the collector
 * is told the agent is paused), then says which job starts and measures it.
 */
final class PausingExecutor implements JobExecutor {
  private final PauseMonitor monitor;
  private final Consumer<JobAssignment> starting;
  private final JobExecutor measuring;

  PausingExecutor(PauseMonitor monitor, Consumer<JobAssignment> starting,
      JobExecutor measuring) {
    this.monitor = requireNonNull(monitor, "monitor");
    this.starting = requireNonNull(starting, "starting");
    this.measuring = requireNonNull(measuring, "measuring");
  }

  @Override
  public Measurement execute(JobAssignment job) throws InterruptedException {
    monitor.awaitResumed();
    starting.accept(job);
    return measuring.execute(job);
  }
}
