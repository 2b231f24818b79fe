package dev.latlab.agent.remote;

import dev.latlab.agent.Measurement;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.ResultAck;
import dev.latlab.proto.v1.ResultRejected;
import io.grpc.Status;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Calls a listener and logs what it throws, so that a faulty listener cannot stop the client. */
final class SafeListener implements CollectorClient.Listener {
  private static final Logger logger = Logger.getLogger(SafeListener.class.getName());
  private final CollectorClient.Listener delegate;

  SafeListener(CollectorClient.Listener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void connected(String sessionId) {
    call("connected", () -> delegate.connected(sessionId));
  }

  @Override
  public void assigned(JobAssignment job) {
    call("assigned", () -> delegate.assigned(job));
  }

  @Override
  public void measured(JobAssignment job, Measurement measurement) {
    call("measured", () -> delegate.measured(job, measurement));
  }

  @Override
  public void failed(JobAssignment job, String reason) {
    call("failed", () -> delegate.failed(job, reason));
  }

  @Override
  public void cancelled(String jobId, String reason) {
    call("cancelled", () -> delegate.cancelled(jobId, reason));
  }

  @Override
  public void acked(ResultAck ack) {
    call("acked", () -> delegate.acked(ack));
  }

  @Override
  public void rejected(ResultRejected rejected) {
    call("rejected", () -> delegate.rejected(rejected));
  }

  @Override
  public void disconnected(Status status, Duration retryIn) {
    call("disconnected", () -> delegate.disconnected(status, retryIn));
  }

  @Override
  public void fatal(Status status) {
    call("fatal", () -> delegate.fatal(status));
  }

  private static void call(String event, Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "Collector client listener failed on " + event, e);
    }
  }
}
