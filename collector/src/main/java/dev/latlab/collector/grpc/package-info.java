/**
 * The collector's gRPC side, package-private behind {@link dev.latlab.collector.CollectorServer}:
 * the agent session service (one {@link dev.latlab.collector.grpc.AgentSession} per stream, with a
 * flow-controlled {@link dev.latlab.collector.grpc.Outbox}), the campaign service, the bearer-token
 * check, the {@link dev.latlab.collector.grpc.Scheduler} of job queues and leases, and result
 * validation. {@link dev.latlab.collector.grpc.CollectorServices} is public only to wire them.
 */
package dev.latlab.collector.grpc;
