package dev.latlab.collector.grpc;

/**
 * A job waiting in (or leased from) the scheduler's queue.
 *
 * @param jobId the job
 * @param campaignId its campaign
 * @param archIndex the cell
 * @param attempts how many times it has been leased so far
 */
record QueuedJob(String jobId, String campaignId, int archIndex, int attempts) {

  /** Returns the same job with one more lease counted. */
  QueuedJob leasedOnceMore() {
    return new QueuedJob(jobId, campaignId, archIndex, attempts + 1);
  }
}
