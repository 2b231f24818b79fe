package dev.latlab.collector.store;

/**
 * A stored agent.
 *
 * @param agentId its id
 * @param target its target
 * @param description the {@code latlab.v1.TargetDescription} message, serialised
 * @param lastSeenMillis last message, milliseconds since the Unix epoch
 * @param resultsStored results of it stored (filled by {@link Store#agents()}; ignored on upsert)
 */
public record AgentRow(String agentId, String target, byte[] description, long lastSeenMillis,
    long resultsStored) {}
