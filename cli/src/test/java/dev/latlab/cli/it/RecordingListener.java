package dev.latlab.cli.it;

import dev.latlab.agent.Measurement;
import dev.latlab.agent.remote.CollectorClient;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.ResultAck;
import dev.latlab.proto.v1.ResultRejected;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what an in-process agent saw, in order; safe to read from the test thread. */
final class RecordingListener implements CollectorClient.Listener {
  final AtomicInteger connections = new AtomicInteger();
  final AtomicInteger disconnections = new AtomicInteger();
  final List<JobAssignment> assigned = new CopyOnWriteArrayList<>();
  final List<String> measured = new CopyOnWriteArrayList<>();
  final List<ResultAck> acked = new CopyOnWriteArrayList<>();
  final List<ResultRejected> rejected = new CopyOnWriteArrayList<>();
  final List<String> failed = new CopyOnWriteArrayList<>();

  @Override
  public void connected(String sessionId) {
    connections.incrementAndGet();
  }

  @Override
  public void assigned(JobAssignment job) {
    assigned.add(job);
  }

  @Override
  public void measured(JobAssignment job, Measurement measurement) {
    measured.add(job.getJobId());
  }

  @Override
  public void failed(JobAssignment job, String reason) {
    failed.add(job.getJobId() + ": " + reason);
  }

  @Override
  public void acked(ResultAck ack) {
    acked.add(ack);
  }

  @Override
  public void rejected(ResultRejected r) {
    rejected.add(r);
  }

  @Override
  public void disconnected(Status status, Duration retryIn) {
    disconnections.incrementAndGet();
  }

  /** Returns the ids of the jobs acknowledged so far. */
  List<String> ackedJobIds() {
    return acked.stream().map(ResultAck::getJobId).toList();
  }
}
