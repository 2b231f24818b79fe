package dev.latlab.collector.store;

/**
 * A stored campaign.
 *
 * @param id unique id
 * @param target the target whose agents measure it
 * @param selection the selection as requested ({@code list} for explicit cells)
 * @param cells number of cells
 * @param repeats measurements per cell
 * @param protocol the {@code latlab.v1.Protocol} message, serialised
 * @param network the {@code latlab.v1.NetworkOptions} message, serialised
 * @param createdAtMillis creation time, milliseconds since the Unix epoch
 * @param label free-form label
 */
public record CampaignRow(String id, String target, String selection, int cells, int repeats,
    byte[] protocol, byte[] network, long createdAtMillis, String label) {}
