package dev.latlab.collector.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.collector.store.JobRow;
import dev.latlab.proto.v1.AgentInfo;
import dev.latlab.proto.v1.AgentMessage;
import dev.latlab.proto.v1.Campaign;
import dev.latlab.proto.v1.CampaignStatus;
import dev.latlab.proto.v1.CreateCampaignRequest;
import dev.latlab.proto.v1.GetCampaignStatusRequest;
import dev.latlab.proto.v1.Heartbeat;
import dev.latlab.proto.v1.ListAgentsRequest;
import dev.latlab.proto.v1.ListCampaignsRequest;
import dev.latlab.proto.v1.NetworkOptions;
import dev.latlab.proto.v1.Protocol;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CreateCampaign, ListCampaigns, GetCampaignStatus and ListAgents. */
class CampaignServiceImplTest {
  private static final String TARGET = "rpi5-onnx-1t";
  private static final Protocol FIXED = Protocol.newBuilder().setRunsPerRound(10)
      .setMinRuns(1000).setMaxRuns(1000).setStatistic("latbench").build();

  @TempDir Path dir;
  private Harness harness;

  @BeforeEach
  void setUp() {
    harness = Harness.with(dir).start();
  }

  @AfterEach
  void tearDown() {
    harness.close();
  }

  static Stream<Arguments> invalidRequests() {
    return Stream.of(
        bad("no target", r -> r.clearTarget(), "target is required"),
        bad("target with space", r -> r.setTarget("a b"), "visible ASCII"),
        bad("no cells", r -> r.clearArchIndices(), "selection or arch_indices is required"),
        bad("both", r -> r.setSelection("all"), "not both"),
        bad("unknown selection", r -> r.clearArchIndices().setSelection("bogus"), "bogus"),
        bad("file selection", r -> r.clearArchIndices().setSelection("file:/etc/passwd"),
            "file: selections"),
        bad("sample of 0", r -> r.clearArchIndices().setSelection("sample:0"), "N must be"),
        bad("negative index", r -> r.addArchIndices(-1), "outside 0..15624"),
        bad("index too big", r -> r.addArchIndices(15625), "outside 0..15624"),
        bad("duplicate index", r -> r.addArchIndices(1), "listed twice"),
        bad("negative repeats", r -> r.setRepeats(-1), "repeats"),
        bad("too many repeats", r -> r.setRepeats(101), "repeats"),
        bad("unknown statistic", r -> r.setProtocol(FIXED.toBuilder().setStatistic("p99")),
            "statistic"),
        bad("min runs 0", r -> r.setProtocol(FIXED.toBuilder().setMinRuns(0)), "min_runs"),
        bad("max < min", r -> r.setProtocol(FIXED.toBuilder().setMaxRuns(999)), "max_runs"),
        bad("round of 0", r -> r.setProtocol(FIXED.toBuilder().setRunsPerRound(0)),
            "runs_per_round"),
        bad("half width 1", r -> r.setProtocol(FIXED.toBuilder().setTargetHalfWidth(1)),
            "target_half_width"),
        bad("negative pause", r -> r.setProtocol(FIXED.toBuilder().setPauseNanos(-1)), "pause"),
        bad("resolution 30", r -> r.setNetwork(network().setResolution(30)), "multiple of 4"),
        bad("batch 0", r -> r.setNetwork(network().setBatch(0)), "batch"),
        bad("huge batch", r -> r.setNetwork(network().setBatch(4096)), "batch"),
        bad("unknown precision", r -> r.setNetwork(network().setPrecision("int4")),
            "expected fp32 or int8"),
        bad("long label", r -> r.setLabel("x".repeat(257)), "label"));
  }

  private static Arguments bad(String name, UnaryOperator<CreateCampaignRequest.Builder> spoil,
      String message) {
    return Arguments.of(name, spoil, message);
  }

  private static NetworkOptions.Builder network() {
    return CampaignRequests.DEFAULT_NETWORK.toBuilder();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRequests")
  void createCampaign_invalid_isInvalidArgumentAndStoresNothing(String name,
      UnaryOperator<CreateCampaignRequest.Builder> spoil, String message) {
    CreateCampaignRequest request = spoil.apply(CreateCampaignRequest.newBuilder()
        .setTarget(TARGET).addArchIndices(1).addArchIndices(2)).build();
    assertThatThrownBy(() -> harness.campaigns().createCampaign(request))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).contains(message);
        });
    assertThat(harness.store.campaigns()).isEmpty();
  }

  @Test
  void createCampaign_unsetProtocolAndNetwork_getLatLabDefaults() {
    Campaign campaign = harness.createCampaign(TARGET, 5, 6);
    assertThat(campaign.getProtocol().getWarmupRuns()).isEqualTo(10);
    assertThat(campaign.getProtocol().getWarmupNanos()).isEqualTo(200_000_000L);
    assertThat(campaign.getProtocol().getRunsPerRound()).isEqualTo(10);
    assertThat(campaign.getProtocol().getMinRuns()).isEqualTo(30);
    assertThat(campaign.getProtocol().getMaxRuns()).isEqualTo(300);
    assertThat(campaign.getProtocol().getTargetHalfWidth()).isEqualTo(0.01);
    assertThat(campaign.getProtocol().getStatistic()).isEqualTo("median");
    assertThat(campaign.getNetwork()).isEqualTo(NetworkOptions.newBuilder().setResolution(32)
        .setInputChannels(3).setChannels(16).setCellsPerStage(5).setClasses(10).setBatch(1)
        .build());
    assertThat(campaign.getRepeats()).isEqualTo(1);
    assertThat(campaign.getSelection()).isEqualTo("list");
    assertThat(campaign.getCells()).isEqualTo(2);
    assertThat(campaign.getCreatedAtUnixMs()).isEqualTo(harness.time.millis());
  }

  @Test
  void createCampaign_otherPrecisionOnSameTarget_isFailedPreconditionAndStoresNothing() {
    Campaign fp32 = harness.createCampaign(TARGET, 5, 6);
    CreateCampaignRequest.Builder int8 = CreateCampaignRequest.newBuilder().setTarget(TARGET)
        .addArchIndices(7).setNetwork(network().setPrecision("int8"));

    assertThatThrownBy(() -> harness.campaigns().createCampaign(int8.build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
          assertThat(e.getStatus().getDescription())
              .contains("target " + TARGET + " measures fp32 networks (campaign " + fp32.getId())
              .contains("another target name");
        });
    assertThat(harness.store.campaigns()).hasSize(1);
    assertThat(harness.campaigns().createCampaign(int8.setTarget(TARGET + "-int8").build())
        .getNetwork().getPrecision()).isEqualTo("int8");
    assertThat(harness.campaigns().createCampaign(CreateCampaignRequest.newBuilder()
        .setTarget(TARGET).addArchIndices(8).setNetwork(network().setPrecision("fp32")).build())
        .getCells()).as("explicit fp32 is the stored default's precision").isEqualTo(1);
  }

  @Test
  void createCampaign_sampleWithRepeats_storesEveryJob() {
    Campaign campaign = harness.campaigns().createCampaign(CreateCampaignRequest.newBuilder()
        .setTarget(TARGET).setSelection("sample:5:1").setRepeats(2).setProtocol(FIXED)
        .setLabel("night run").build());
    assertThat(campaign.getCells()).isEqualTo(5);
    assertThat(campaign.getSelection()).isEqualTo("sample:5:1");
    assertThat(campaign.getProtocol()).isEqualTo(FIXED);
    assertThat(campaign.getLabel()).isEqualTo("night run");
    List<JobRow> jobs = harness.store.openJobs();
    assertThat(jobs).hasSize(10);
    assertThat(jobs).allSatisfy(job -> assertThat(job.id())
        .isEqualTo(campaign.getId() + "-" + job.archIndex() + "-" + job.repeat()));
    assertThat(jobs.subList(0, 5)).allSatisfy(job -> assertThat(job.repeat()).isZero());
    assertThat(harness.services.scheduler().queued(TARGET)).isEqualTo(10);
  }

  @Test
  void getCampaignStatus_unknown_isNotFound() {
    assertThatThrownBy(() -> harness.campaigns().getCampaignStatus(
        GetCampaignStatusRequest.newBuilder().setCampaignId("nope").build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
          assertThat(e.getStatus().getDescription()).isEqualTo("unknown campaign nope");
        });
  }

  @Test
  void getCampaignStatus_noId_isInvalidArgument() {
    assertThatThrownBy(() -> harness.campaigns().getCampaignStatus(
        GetCampaignStatusRequest.getDefaultInstance()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
  }

  @Test
  void getCampaignStatus_whileLeased_countsLeasesAndAgents() {
    Campaign campaign = harness.createCampaign(TARGET, 1, 2, 3);
    AgentClient agent = harness.connected("a1", TARGET);
    agent.credit(2);
    agent.nextAssignment();
    agent.nextAssignment();
    CampaignStatus status = harness.campaigns().getCampaignStatus(
        GetCampaignStatusRequest.newBuilder().setCampaignId(campaign.getId()).build());
    assertThat(status.getCampaign()).isEqualTo(campaign);
    assertThat(status.getTotal()).isEqualTo(3);
    assertThat(status.getLeased()).isEqualTo(2);
    assertThat(status.getDone()).isZero();
    assertThat(status.getState()).isEqualTo("running");
    assertThat(status.getAgentsConnected()).isEqualTo(1);
  }

  @Test
  void listCampaigns_newestFirst() {
    Campaign first = harness.createCampaign(TARGET, 1);
    harness.time.advance(Duration.ofSeconds(1));
    Campaign second = harness.createCampaign("other-target", 2);
    List<CampaignStatus> listed = harness.campaigns()
        .listCampaigns(ListCampaignsRequest.getDefaultInstance()).getCampaignsList();
    assertThat(listed).extracting(s -> s.getCampaign().getId())
        .containsExactly(second.getId(), first.getId());
  }

  @Test
  void listAgents_showsConnectionAndJobsInFlight() {
    harness.createCampaign(TARGET, 1, 2);
    AgentClient agent = harness.connected("a1", TARGET);
    agent.credit(1);
    agent.nextAssignment();
    Poll.until("agent stored", () -> harness.store.agents().size() == 1);
    AgentInfo info = onlyAgent();
    assertThat(info.getAgentId()).isEqualTo("a1");
    assertThat(info.getTarget()).isEqualTo(TARGET);
    assertThat(info.getConnected()).isTrue();
    assertThat(info.getJobsInFlight()).isEqualTo(1);
    assertThat(info.getDescription().getBackend()).isEqualTo("fake");
    agent.drop();
    Poll.until("agent disconnected", () -> !onlyAgent().getConnected());
    assertThat(onlyAgent().getJobsInFlight()).isZero();
  }

  @Test
  void listAgents_pausedHeartbeat_showsReasonUntilResumed() {
    AgentClient agent = harness.connected("a1", TARGET);
    agent.send(AgentMessage.newBuilder().setHeartbeat(
        Heartbeat.newBuilder().setPausedReason("thermal status severe\n")).build());
    Poll.until("paused shown",
        () -> onlyAgent().getPausedReason().equals("thermal status severe?"));

    agent.heartbeat();
    Poll.until("resumed shown", () -> onlyAgent().getPausedReason().isEmpty());
    assertThat(onlyAgent().getConnected()).isTrue();
  }

  private AgentInfo onlyAgent() {
    List<AgentInfo> agents = harness.campaigns().listAgents(ListAgentsRequest.getDefaultInstance())
        .getAgentsList();
    assertThat(agents).hasSize(1);
    return agents.get(0);
  }
}
