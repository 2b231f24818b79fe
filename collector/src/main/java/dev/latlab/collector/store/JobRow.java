package dev.latlab.collector.store;

/**
 * A stored job: one measurement of one cell for one campaign.
 *
 * @param id unique id
 * @param campaignId its campaign
 * @param archIndex the cell (official NB201 index)
 * @param repeat which of the campaign's repeats, from 0
 * @param attempts how many times it was leased
 * @param leasedTo the agent of the latest lease, or null if never leased
 * @param state open, done or failed
 */
public record JobRow(String id, String campaignId, int archIndex, int repeat, int attempts,
    String leasedTo, State state) {
  /** Where a job is in its life. */
  public enum State {
    /** No result yet. */
    OPEN,
    /** A result is stored. */
    DONE,
    /** Failed on every attempt allowed. */
    FAILED
  }
}
