package dev.latlab.collector.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The collector's storage: campaigns, jobs, results and agents. Narrow on purpose, so that a server
 * database can follow SQLite. Reads are synchronous; every write is asynchronous and its future
 * completes only once the write is committed (durable), which is when a result may be acknowledged.
 * Implementations are thread-safe.
 */
public interface Store extends AutoCloseable {

  /**
   * Creates a campaign and all its jobs in one transaction.
   *
   * @param campaign the campaign
   * @param jobs its jobs, each with {@code attempts == 0} and state {@link JobRow.State#OPEN}
   * @return completes once committed
   */
  CompletableFuture<Void> createCampaign(CampaignRow campaign, List<JobRow> jobs);

  /**
   * Returns every campaign, newest first.
   *
   * @return the campaigns
   */
  List<CampaignRow> campaigns();

  /**
   * Returns one campaign.
   *
   * @param id its id
   * @return the campaign, or empty if unknown
   */
  Optional<CampaignRow> campaign(String id);

  /**
   * Returns one job.
   *
   * @param id its id
   * @return the job, or empty if unknown
   */
  Optional<JobRow> job(String id);

  /**
   * Returns the jobs still open (no result, not failed for good), oldest campaign first, then in
   * creation order: the scheduler's queue when the collector starts.
   *
   * @return the open jobs
   */
  List<JobRow> openJobs();

  /**
   * Returns how many jobs of a campaign are open, done and failed.
   *
   * @param campaignId the campaign
   * @return the counts (all zero for an unknown campaign)
   */
  JobCounts counts(String campaignId);

  /**
   * Records that a job was leased: its attempt number and the agent holding it. Results are later
   * accepted only from that agent for that attempt (see {@link JobRow}).
   *
   * @param jobId the job
   * @param attempt the new attempt number (previous + 1)
   * @param agentId the agent
   * @return completes once committed
   */
  CompletableFuture<Void> recordLease(String jobId, int attempt, String agentId);

  /**
   * Stores a job's result and marks the job done, in one transaction, unless the job already has a
   * result.
   *
   * @param result the result
   * @return completes once committed with {@link StoreOutcome#STORED}, or with {@link
   *     StoreOutcome#DUPLICATE} if the job had a result already (nothing written)
   */
  CompletableFuture<StoreOutcome> storeResult(ResultRow result);

  /**
   * Marks a job failed for good.
   *
   * @param jobId the job
   * @param reason one line
   * @return completes once committed
   */
  CompletableFuture<Void> markFailed(String jobId, String reason);

  /**
   * Creates or updates an agent (its target, description and last-seen time).
   *
   * @param agent the agent
   * @return completes once committed
   */
  CompletableFuture<Void> upsertAgent(AgentRow agent);

  /**
   * Returns every agent, most recently seen first, with its stored-result count.
   *
   * @return the agents
   */
  List<AgentRow> agents();

  /**
   * Returns the stored results of one target, in storing order.
   *
   * @param target the target
   * @return the results
   */
  List<ResultRow> results(String target);

  /**
   * Returns how many results are stored in all.
   *
   * @return the count
   */
  long resultCount();

  /** Finishes pending writes, then releases the database. */
  @Override
  void close();
}
