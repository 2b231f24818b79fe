package dev.latlab.collector.grpc;

import dev.latlab.collector.DatasetExporter;
import dev.latlab.collector.store.CampaignRow;
import dev.latlab.collector.store.JobCounts;
import dev.latlab.collector.store.Store;
import dev.latlab.proto.v1.Campaign;
import dev.latlab.proto.v1.CampaignServiceGrpc;
import dev.latlab.proto.v1.CampaignStatus;
import dev.latlab.proto.v1.CreateCampaignRequest;
import dev.latlab.proto.v1.DatasetChunk;
import dev.latlab.proto.v1.ExportDatasetRequest;
import dev.latlab.proto.v1.GetCampaignStatusRequest;
import dev.latlab.proto.v1.ListAgentsRequest;
import dev.latlab.proto.v1.ListAgentsResponse;
import dev.latlab.proto.v1.ListCampaignsRequest;
import dev.latlab.proto.v1.ListCampaignsResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Campaign management, agent listing and dataset export for the CLI and other clients. */
final class CampaignServiceImpl extends CampaignServiceGrpc.CampaignServiceImplBase {
  private static final Logger logger = Logger.getLogger(CampaignServiceImpl.class.getName());

  private final Store store;
  private final Scheduler scheduler;
  private final SessionRegistry registry;
  private final Clock clock;
  private final Executor callbacks;
  private final DatasetExporter exporter;

  /** The exporter may be null: ExportDataset then answers UNIMPLEMENTED. */
  CampaignServiceImpl(Store store, Scheduler scheduler, SessionRegistry registry, Clock clock,
      Executor callbacks, DatasetExporter exporter) {
    this.store = store;
    this.scheduler = scheduler;
    this.registry = registry;
    this.clock = clock;
    this.callbacks = callbacks;
    this.exporter = exporter;
  }

  @Override
  public void createCampaign(CreateCampaignRequest request, StreamObserver<Campaign> out) {
    CampaignRequests.NewCampaign campaign;
    String conflict;
    try {
      campaign = CampaignRequests.plan(request, newCampaignId(), clock.millis());
      conflict = CampaignRequests.precisionConflict(campaign.row(), store.campaigns());
    } catch (IllegalArgumentException e) {
      out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
      return;
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "Could not read the campaigns", e);
      out.onError(Status.INTERNAL.withDescription("store read failed: " + e).asRuntimeException());
      return;
    }
    if (conflict != null) {
      out.onError(Status.FAILED_PRECONDITION.withDescription(conflict).asRuntimeException());
      return;
    }
    CompletableFuture<Void> write;
    try {
      write = store.createCampaign(campaign.row(), campaign.jobs());
    } catch (RuntimeException e) {
      write = CompletableFuture.failedFuture(e);
    }
    write.whenCompleteAsync((ignored, e) -> created(campaign, e, out), callbacks);
  }

  private void created(CampaignRequests.NewCampaign campaign, Throwable e,
      StreamObserver<Campaign> out) {
    CampaignRow row = campaign.row();
    if (e != null) {
      logger.log(Level.WARNING, "Could not store campaign " + row.id(), e);
      out.onError(Status.INTERNAL.withDescription("could not store the campaign: " + e)
          .asRuntimeException());
      return;
    }
    scheduler.register(row, campaign.jobs());
    logger.info("Campaign " + row.id() + " created: " + campaign.jobs().size() + " jobs on target "
        + row.target());
    out.onNext(Rows.campaign(row));
    out.onCompleted();
  }

  @Override
  public void listCampaigns(ListCampaignsRequest request,
      StreamObserver<ListCampaignsResponse> out) {
    reply(out, () -> ListCampaignsResponse.newBuilder()
        .addAllCampaigns(store.campaigns().stream().map(this::status).toList())
        .build());
  }

  @Override
  public void getCampaignStatus(GetCampaignStatusRequest request,
      StreamObserver<CampaignStatus> out) {
    String id = request.getCampaignId();
    reply(out, () -> {
      if (id.isEmpty()) {
        throw Status.INVALID_ARGUMENT.withDescription("campaign_id is required")
            .asRuntimeException();
      }
      return status(store.campaign(id).orElseThrow(() -> Status.NOT_FOUND
          .withDescription("unknown campaign " + Names.printable(id)).asRuntimeException()));
    });
  }

  @Override
  public void listAgents(ListAgentsRequest request, StreamObserver<ListAgentsResponse> out) {
    reply(out, () -> ListAgentsResponse.newBuilder()
        .addAllAgents(AgentViews.list(store.agents(), registry.bound(), scheduler))
        .build());
  }

  @Override
  public void exportDataset(ExportDatasetRequest request, StreamObserver<DatasetChunk> out) {
    if (exporter == null) {
      out.onError(Status.UNIMPLEMENTED
          .withDescription("dataset export arrives with the dataset package").asRuntimeException());
      return;
    }
    byte[] data;
    try {
      data = export(request);
    } catch (StatusRuntimeException e) {
      out.onError(e);
      return;
    }
    ChunkStreamer.start((ServerCallStreamObserver<DatasetChunk>) out, data);
  }

  private byte[] export(ExportDatasetRequest request) {
    String problem = Names.targetProblem(request.getTarget());
    if (problem != null || request.getFormat().isEmpty()) {
      throw Status.INVALID_ARGUMENT
          .withDescription(problem != null ? problem : "format is required").asRuntimeException();
    }
    try {
      return exporter.export(request.getTarget(), request.getFormat(),
          request.getFillComputeClasses());
    } catch (IllegalArgumentException e) {
      throw Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException();
    } catch (NoSuchElementException e) {
      throw Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException();
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "Dataset export of target " + request.getTarget() + " failed", e);
      throw Status.INTERNAL.withDescription("dataset export failed: " + e).asRuntimeException();
    }
  }

  private CampaignStatus status(CampaignRow row) {
    JobCounts counts = store.counts(row.id());
    return CampaignStatus.newBuilder()
        .setCampaign(Rows.campaign(row))
        .setTotal(counts.total())
        .setDone(counts.done())
        .setLeased(scheduler.leased(row.id()))
        .setFailed(counts.failed())
        .setState(counts.open() > 0 ? "running" : "done")
        .setAgentsConnected(registry.connected(row.target()))
        .build();
  }

  // Answers a unary call: a StatusRuntimeException is the answer; anything else is INTERNAL.
  private static <T> void reply(StreamObserver<T> out, Supplier<T> answer) {
    T value;
    try {
      value = answer.get();
    } catch (StatusRuntimeException e) {
      out.onError(e);
      return;
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "Campaign service call failed", e);
      out.onError(Status.INTERNAL.withDescription("store read failed: " + e).asRuntimeException());
      return;
    }
    out.onNext(value);
    out.onCompleted();
  }

  // 48 random bits: unique enough for campaigns, short enough to type.
  private static String newCampaignId() {
    return UUID.randomUUID().toString().substring(0, 13).replace("-", "");
  }
}
