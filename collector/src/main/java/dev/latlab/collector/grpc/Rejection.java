package dev.latlab.collector.grpc;

import dev.latlab.proto.v1.JobResult;
import dev.latlab.proto.v1.ResultRejected;
import io.grpc.Status;

/**
 * Why a result was refused.
 *
 * @param code the gRPC code sent to the agent
 * @param description one line
 */
record Rejection(Status.Code code, String description) {

  static Rejection invalid(String description) {
    return new Rejection(Status.Code.INVALID_ARGUMENT, description);
  }

  static Rejection precondition(String description) {
    return new Rejection(Status.Code.FAILED_PRECONDITION, description);
  }

  /** Returns the message telling the agent. */
  ResultRejected toProto(JobResult result) {
    return ResultRejected.newBuilder()
        .setJobId(result.getJobId())
        .setAttempt(result.getAttempt())
        .setCode(code.value())
        .setDescription(description)
        .build();
  }
}
