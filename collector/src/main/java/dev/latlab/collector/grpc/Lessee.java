package dev.latlab.collector.grpc;

import dev.latlab.proto.v1.JobAssignment;

/** What the {@link Scheduler} leases jobs to: one agent session. Implementations never block. */
interface Lessee {

  /** Returns the id of the agent on the other end. */
  String agentId();

  /** Returns the target the agent measures for. */
  String target();

  /** Hands the agent a job the scheduler has just leased to it; called without scheduler locks. */
  void assign(JobAssignment assignment);

  /** Tells the agent to stop working on a job; called without scheduler locks. */
  void cancel(String jobId, String reason);
}
