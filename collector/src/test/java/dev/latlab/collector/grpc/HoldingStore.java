package dev.latlab.collector.grpc;

import dev.latlab.collector.store.AgentRow;
import dev.latlab.collector.store.CampaignRow;
import dev.latlab.collector.store.JobCounts;
import dev.latlab.collector.store.JobRow;
import dev.latlab.collector.store.ResultRow;
import dev.latlab.collector.store.Store;
import dev.latlab.collector.store.StoreOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A store wrapper that can hold lease writes back, to reproduce a slow commit: while held, {@link
 * #recordLease} calls wait and reach the wrapped store only on {@link #releaseLeases()}. Works with
 * any store.
 */
final class HoldingStore implements Store {
  private final Store delegate;
  private final Object lock = new Object();
  private final List<Runnable> held = new ArrayList<>(); // @GuardedBy("lock")
  private boolean holding; // @GuardedBy("lock")

  HoldingStore(Store delegate) {
    this.delegate = delegate;
  }

  void holdLeases() {
    synchronized (lock) {
      holding = true;
    }
  }

  void releaseLeases() {
    List<Runnable> writes;
    synchronized (lock) {
      holding = false;
      writes = new ArrayList<>(held);
      held.clear();
    }
    writes.forEach(Runnable::run);
  }

  @Override
  public CompletableFuture<Void> recordLease(String jobId, int attempt, String agentId) {
    synchronized (lock) {
      if (holding) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        held.add(() -> delegate.recordLease(jobId, attempt, agentId).whenComplete((v, e) -> {
          if (e != null) {
            done.completeExceptionally(e);
          } else {
            done.complete(v);
          }
        }));
        return done;
      }
    }
    return delegate.recordLease(jobId, attempt, agentId);
  }

  @Override
  public CompletableFuture<Void> createCampaign(CampaignRow campaign, List<JobRow> jobs) {
    return delegate.createCampaign(campaign, jobs);
  }

  @Override
  public List<CampaignRow> campaigns() {
    return delegate.campaigns();
  }

  @Override
  public Optional<CampaignRow> campaign(String id) {
    return delegate.campaign(id);
  }

  @Override
  public Optional<JobRow> job(String id) {
    return delegate.job(id);
  }

  @Override
  public List<JobRow> openJobs() {
    return delegate.openJobs();
  }

  @Override
  public JobCounts counts(String campaignId) {
    return delegate.counts(campaignId);
  }

  @Override
  public CompletableFuture<StoreOutcome> storeResult(ResultRow result) {
    return delegate.storeResult(result);
  }

  @Override
  public CompletableFuture<Void> markFailed(String jobId, String reason) {
    return delegate.markFailed(jobId, reason);
  }

  @Override
  public CompletableFuture<Void> upsertAgent(AgentRow agent) {
    return delegate.upsertAgent(agent);
  }

  @Override
  public List<AgentRow> agents() {
    return delegate.agents();
  }

  @Override
  public List<ResultRow> results(String target) {
    return delegate.results(target);
  }

  @Override
  public long resultCount() {
    return delegate.resultCount();
  }

  @Override
  public void close() {
    releaseLeases();
    delegate.close();
  }
}
