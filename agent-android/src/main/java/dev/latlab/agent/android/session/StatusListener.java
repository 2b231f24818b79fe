package dev.latlab.agent.android.session;

import dev.latlab.agent.Measurement;
import dev.latlab.agent.android.device.DeviceState;
import dev.latlab.agent.android.device.PauseMonitor;
import dev.latlab.agent.remote.CollectorClient;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.ResultAck;
import io.grpc.Status;
import java.time.Duration;

/** Writes what the collector client and the pause monitor report onto the {@link StatusBoard}. */
final class StatusListener implements CollectorClient.Listener, PauseMonitor.Listener {
  private final StatusBoard board;

  StatusListener(StatusBoard board) {
    this.board = board;
  }

  @Override
  public void connected(String sessionId) {
    board.update(s -> s.connection(true, ""));
  }

  @Override
  public void assigned(JobAssignment job) {
    // Shown when measuring starts; a queued job is not being measured yet.
  }

  @Override
  public void measured(JobAssignment job, Measurement m) {
    board.update(s -> s.measuredOne(m.latencyMillis()));
  }

  @Override
  public void failed(JobAssignment job, String reason) {
    board.update(s -> s.failedOne(reason));
  }

  @Override
  public void acked(ResultAck ack) {
    board.update(AgentStatus::ackedOne);
  }

  @Override
  public void disconnected(Status status, Duration retryIn) {
    // toMillis, not toSeconds: Duration.toSeconds() is Java 9, missing before Android API 31.
    board.update(s -> s.connection(false, describe(status) + "; retrying in "
        + Math.max(1, retryIn.toMillis() / 1000) + " s"));
  }

  @Override
  public void fatal(Status status) {
    board.update(s -> s.stopped("the collector refused this agent: " + describe(status)));
  }

  @Override
  public void stateRead(DeviceState state) {
    board.update(s -> s.device(state));
  }

  @Override
  public void pauseChanged(String reason) {
    board.update(s -> s.paused(reason));
  }

  /** Shows the job being measured; called on the measuring thread as it starts. */
  void measuring(JobAssignment job) {
    board.update(s -> s.measuring("arch " + job.getArchIndex() + " (job " + job.getJobId()
        + ", attempt " + job.getAttempt() + ")"));
  }

  private static String describe(Status status) {
    return status.getDescription() == null ? status.getCode().toString()
        : status.getCode() + ": " + status.getDescription();
  }
}
