package dev.latlab.agent.android.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.agent.EnvironmentProbe;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.android.device.DeviceState;
import dev.latlab.agent.android.device.Phones;
import dev.latlab.agent.android.device.ThermalStatus;
import dev.latlab.agent.android.tflite.DesktopTfliteRuntime;
import dev.latlab.agent.android.tflite.InterpreterBackendProvider;
import dev.latlab.collector.CollectorServer;
import dev.latlab.collector.store.ResultRow;
import dev.latlab.collector.store.SqliteStore;
import dev.latlab.proto.v1.AgentInfo;
import dev.latlab.proto.v1.CampaignServiceGrpc;
import dev.latlab.proto.v1.CampaignStatus;
import dev.latlab.proto.v1.CreateCampaignRequest;
import dev.latlab.proto.v1.GetCampaignStatusRequest;
import dev.latlab.proto.v1.JobResult;
import dev.latlab.proto.v1.ListAgentsRequest;
import dev.latlab.proto.v1.Protocol;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Android agent's code (settings, collector client over gRPC's OkHttp transport, pausing
 * executor, device state in results, status) completes a campaign against a real collector (gRPC
 * server and SQLite) over loopback, on the JVM. The interpreter is the desktop TFLite behind the
 * Android backend's runtime port; the phone's state is scripted: it starts low on battery and not
 * charging (paused, and the collector shows it), then charges.
 */
class AndroidAgentIT {
  private static final String TOKEN = "it-token";
  private static final String TARGET = "it-phone-tflite-cpu-1t";
  private static final List<Integer> CELLS = List.of(1, 2, 3);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private SqliteStore store;
  private CollectorServer collector;
  private ManagedChannel admin;
  private AgentRunner agent;
  private final StatusBoard board = new StatusBoard();
  private final AtomicReference<DeviceState> phone =
      new AtomicReference<>(Phones.phone(10, false, ThermalStatus.NONE));

  @AfterEach
  void tearDown() throws InterruptedException {
    if (agent != null) {
      agent.close();
    }
    if (admin != null) {
      admin.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (collector != null) {
      collector.close();
    }
  }

  @Test
  void campaign_lowBatteryThenCharging_pausesThenCompletesWithPhoneState() throws Exception {
    store = SqliteStore.open(dir.resolve("collector.db"));
    collector = CollectorServer.builder().store(store).port(0).bindAddress("127.0.0.1")
        .token(TOKEN).heartbeatInterval(Duration.ofMillis(200)).build().start();
    admin = NettyChannelBuilder.forAddress("127.0.0.1", collector.port()).usePlaintext().build();
    String campaign = createCampaign();

    agent = AgentRunner.start(settings(), parts(), board, Duration.ofMillis(100));

    AgentInfo paused = await("the collector to show the pause",
        () -> agentInfo() != null && !agentInfo().getPausedReason().isEmpty());
    assertThat(paused.getPausedReason()).isEqualTo("battery 10 % and not charging");
    assertThat(status(campaign).getDone()).isZero();
    assertThat(StatusText.headline(board.current()))
        .isEqualTo("Paused: battery 10 % and not charging");

    phone.set(Phones.phone(10, true, ThermalStatus.NONE));
    await("the campaign to finish", () -> status(campaign).getState().equals("done"));

    assertThat(status(campaign).getDone()).isEqualTo(CELLS.size());
    await("the collector to show the agent resumed",
        () -> agentInfo().getPausedReason().isEmpty());
    List<ResultRow> rows = store.results(TARGET);
    assertThat(rows).extracting(ResultRow::archIndex).containsExactlyInAnyOrderElementsOf(CELLS);
    for (ResultRow row : rows) {
      JobResult result = JobResult.parseFrom(row.result());
      assertThat(result.getBackendIdentity())
          .matches("tflite \\S+-android threads=1 delegate=cpu xnnpack=true");
      assertThat(result.getEnvironmentJson())
          .contains("\"device_model\":\"Google Pixel 7\"")
          .contains("\"cpu_model\":\"Google GS201\"")
          .contains("\"android.charging\":\"true\"")
          .contains("\"android.battery_percent\":\"10\"")
          .contains("\"battery\":31.5");
      assertThat(result.getRoundsList()).hasSize(2);
    }
    await("every ack on the board", () -> board.current().acked() == CELLS.size());
    assertThat(board.current().measured()).isEqualTo(CELLS.size());
    assertThat(board.current().lastLatenciesMs()).hasSize(CELLS.size()).allMatch(ms -> ms > 0);
  }

  private AgentSettings settings() {
    return AgentSettings.parse(Map.of("collector", "127.0.0.1:" + collector.port(),
        "token", TOKEN, "target", TARGET, "threads", "1"));
  }

  private AgentRunner.Parts parts() {
    InferenceBackend backend = InterpreterBackendProvider.on(new DesktopTfliteRuntime())
        .create(settings().backendConfig());
    return new AgentRunner.Parts(backend, dir.resolve("spool"), phone::get,
        EnvironmentProbe.system()::capture, "it");
  }

  private String createCampaign() {
    Protocol fixed = Protocol.newBuilder().setWarmupRuns(1).setRunsPerRound(3).setMinRuns(6)
        .setMaxRuns(6).setStatistic("median").build();
    return stub().createCampaign(CreateCampaignRequest.newBuilder().setTarget(TARGET)
        .addAllArchIndices(CELLS).setRepeats(1).setProtocol(fixed).setLabel("android-it").build())
        .getId();
  }

  private CampaignStatus status(String id) {
    return stub().getCampaignStatus(
        GetCampaignStatusRequest.newBuilder().setCampaignId(id).build());
  }

  private AgentInfo agentInfo() {
    List<AgentInfo> agents = stub().listAgents(ListAgentsRequest.getDefaultInstance())
        .getAgentsList();
    return agents.isEmpty() ? null : agents.get(0);
  }

  private CampaignServiceGrpc.CampaignServiceBlockingStub stub() {
    return CampaignServiceGrpc.newBlockingStub(admin).withCallCredentials(new Bearer())
        .withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private AgentInfo await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what + "; agent status: "
            + StatusText.details(board.current(), null));
      }
      Thread.sleep(50);
    }
    return agentInfo();
  }

  /** The bearer token on the admin calls. */
  private static final class Bearer extends CallCredentials {
    @Override
    public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier apply) {
      Metadata headers = new Metadata();
      headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
          "Bearer " + TOKEN);
      apply.apply(headers);
    }
  }
}
