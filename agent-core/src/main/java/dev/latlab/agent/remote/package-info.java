/**
 * The agent's side of a collector session: {@link dev.latlab.agent.remote.CollectorClient} keeps
 * one {@code latlab.v1.AgentService} stream open, measures the jobs it is assigned one at a time,
 * and keeps every result in a {@link dev.latlab.agent.remote.ResultSpool} until the collector has
 * acknowledged it. {@link dev.latlab.agent.remote.ProtoMapping} converts between the wire format
 * and the engine's values. Platform-neutral: the caller supplies the gRPC channel (Netty on the
 * JVM, OkHttp on Android).
 */
package dev.latlab.agent.remote;
