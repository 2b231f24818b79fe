package dev.latlab.collector.store;

/**
 * Job counts of a campaign.
 *
 * @param open jobs without a result
 * @param done jobs with a result
 * @param failed jobs failed for good
 */
public record JobCounts(long open, long done, long failed) {
  /**
   * Returns all jobs.
   *
   * @return open + done + failed
   */
  public long total() {
    return open + done + failed;
  }
}
