package dev.latlab.agent.remote;

import dev.latlab.agent.Measurement;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.ResultAck;
import dev.latlab.proto.v1.ResultRejected;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records a client's events as lines such as {@code acked job-1/1}; tests wait on them. */
final class RecordingListener implements CollectorClient.Listener {
  private static final long TIMEOUT_NANOS = 10_000_000_000L;
  private final Object lock = new Object();
  private final List<String> events = new ArrayList<>();
  private final List<Status> statuses = new ArrayList<>();

  @Override
  public void connected(String sessionId) {
    record("connected " + sessionId);
  }

  @Override
  public void assigned(JobAssignment job) {
    record("assigned " + job.getJobId());
  }

  @Override
  public void measured(JobAssignment job, Measurement measurement) {
    record("measured " + job.getJobId());
  }

  @Override
  public void failed(JobAssignment job, String reason) {
    record("failed " + job.getJobId() + " " + reason);
  }

  @Override
  public void cancelled(String jobId, String reason) {
    record("cancelled " + jobId);
  }

  @Override
  public void acked(ResultAck ack) {
    record("acked " + ack.getJobId() + "/" + ack.getAttempt());
  }

  @Override
  public void rejected(ResultRejected rejected) {
    record("rejected " + rejected.getJobId() + "/" + rejected.getAttempt());
  }

  @Override
  public void disconnected(Status status, Duration retryIn) {
    synchronized (lock) {
      statuses.add(status);
    }
    record("disconnected " + status.getCode());
  }

  @Override
  public void fatal(Status status) {
    synchronized (lock) {
      statuses.add(status);
    }
    record("fatal " + status.getCode());
  }

  /** Returns the events so far. */
  List<String> events() {
    synchronized (lock) {
      return new ArrayList<>(events);
    }
  }

  /** Returns the statuses of disconnected and fatal events. */
  List<Status> statuses() {
    synchronized (lock) {
      return new ArrayList<>(statuses);
    }
  }

  /** Waits up to 10 s until an event equal to {@code event} was recorded. */
  void await(String event) throws InterruptedException {
    await(event, events -> events.contains(event));
  }

  /** Waits up to 10 s until the events satisfy a condition. */
  void await(String what, Predicate<List<String>> condition) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT_NANOS;
    synchronized (lock) {
      while (!condition.test(events)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("timed out waiting for " + what + "; events: " + events);
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  private void record(String event) {
    synchronized (lock) {
      events.add(event);
      lock.notifyAll();
    }
  }
}
