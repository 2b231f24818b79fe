package dev.latlab.collector.store;

/**
 * A stored result.
 *
 * @param jobId the job (at most one result per job)
 * @param attempt the attempt that produced it
 * @param campaignId the job's campaign
 * @param target the campaign's target
 * @param agentId the agent that measured it
 * @param archIndex the cell
 * @param latencyMs the protocol's statistic
 * @param result the whole {@code latlab.v1.JobResult} message, serialised
 * @param storedAtMillis when it was stored, milliseconds since the Unix epoch
 */
public record ResultRow(String jobId, int attempt, String campaignId, String target, String agentId,
    int archIndex, double latencyMs, byte[] result, long storedAtMillis) {}
