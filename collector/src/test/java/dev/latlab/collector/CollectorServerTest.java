package dev.latlab.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.collector.store.Store;
import dev.latlab.collector.store.TestStores;
import dev.latlab.proto.v1.AgentMessage;
import dev.latlab.proto.v1.AgentServiceGrpc;
import dev.latlab.proto.v1.Campaign;
import dev.latlab.proto.v1.CampaignServiceGrpc;
import dev.latlab.proto.v1.CollectorMessage;
import dev.latlab.proto.v1.CreateCampaignRequest;
import dev.latlab.proto.v1.Credit;
import dev.latlab.proto.v1.Hello;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.JobResult;
import dev.latlab.proto.v1.ListCampaignsRequest;
import dev.latlab.proto.v1.Round;
import dev.latlab.proto.v1.Statistics;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptors;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade over a real loopback socket: builder checks, auth, TLS, shutdown and restart. */
class CollectorServerTest {
  private static final String TOKEN = "s3cret-token";
  private static final String TARGET = "desktop-ort-4t";

  @TempDir Path dir;
  private Store store;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final List<ManagedChannel> channels = new ArrayList<>();

  @BeforeEach
  void setUp() {
    store = TestStores.create(dir);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (ManagedChannel channel : channels) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    for (AutoCloseable closeable : closeables) {
      closeable.close();
    }
    store.close();
  }

  @Test
  void builder_rejectsBadSettings() {
    CollectorServerBuilder b = CollectorServer.builder();
    assertThatThrownBy(() -> b.port(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.port(65536)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.bindAddress(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.token("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.token("two words")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.heartbeatInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.leaseTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxInboundMessageSize(100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.tls(dir.resolve("no.pem"), dir.resolve("no.key")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no.pem");
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("store");
    b.store(store).heartbeatInterval(Duration.ofSeconds(30));
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("leaseTimeout");
  }

  @Test
  void server_onLoopback_requiresTheToken() throws Exception {
    CollectorServer server = started(CollectorServer.builder().store(store).token(TOKEN));
    assertThat(server.port()).isPositive();
    assertThat(list(channel(server, null, InsecureChannelCredentials.create())).getCode())
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(list(channel(server, TOKEN, InsecureChannelCredentials.create())).getCode())
        .isEqualTo(Status.Code.OK);
  }

  @Test
  void server_withTls_servesTls() throws Exception {
    SelfSignedCert cert = SelfSignedCert.create(dir);
    CollectorServer server = started(CollectorServer.builder().store(store)
        .tls(cert.chain(), cert.key()));
    assertThat(list(channel(server, null, cert.clientCredentials())).getCode())
        .isEqualTo(Status.Code.OK);
    assertThat(list(channel(server, null, InsecureChannelCredentials.create())).getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void start_onPortInUse_throwsAndIsClosed() throws Exception {
    CollectorServer first = started(CollectorServer.builder().store(store));
    CollectorServer second = CollectorServer.builder().store(store).bindAddress("127.0.0.1")
        .port(first.port()).build();
    closeables.add(second);
    assertThatThrownBy(second::start).isInstanceOf(IOException.class);
    assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
        .hasMessage("closed");
  }

  @Test
  void close_endsAgentSessionsWithUnavailable() throws Exception {
    CollectorServer server = started(CollectorServer.builder().store(store).token(TOKEN));
    Agent agent = new Agent(channel(server, TOKEN, InsecureChannelCredentials.create()));
    agent.hello("a1");
    server.close();
    Status status = agent.closed.get(10, TimeUnit.SECONDS);
    assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(status.getDescription()).contains("shutting down");
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void restart_resultOfLatestLeaseIsAcceptedAfterReconnect() throws Exception {
    CollectorServer first = started(CollectorServer.builder().store(store));
    Channel before = channel(first, null, InsecureChannelCredentials.create());
    Campaign campaign = CampaignServiceGrpc.newBlockingStub(before)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .createCampaign(CreateCampaignRequest.newBuilder().setTarget(TARGET)
            .addArchIndices(11).build());
    Agent agent = new Agent(before);
    agent.hello("a1");
    agent.send(AgentMessage.newBuilder().setCredit(Credit.newBuilder().setJobs(1)).build());
    JobAssignment job = agent.next().getAssignment();
    first.close();
    agent.closed.get(10, TimeUnit.SECONDS);

    CollectorServer second = started(CollectorServer.builder().store(store));
    Agent back = new Agent(channel(second, null, InsecureChannelCredentials.create()));
    back.hello("a1");
    back.send(AgentMessage.newBuilder().setResult(result(job)).build());
    CollectorMessage ack = back.next();
    assertThat(ack.getAck().getJobId()).isEqualTo(job.getJobId());
    assertThat(ack.getAck().getDuplicate()).isFalse();
    assertThat(store.counts(campaign.getId()).done()).isEqualTo(1);
  }

  private CollectorServer started(CollectorServerBuilder builder) throws Exception {
    CollectorServer server = builder.bindAddress("127.0.0.1").port(0)
        .shutdownTimeout(Duration.ofSeconds(2)).build();
    closeables.add(server);
    return server.start();
  }

  private Channel channel(CollectorServer server, String token, ChannelCredentials credentials) {
    ManagedChannel channel = Grpc.newChannelBuilderForAddress("localhost", server.port(),
        credentials).build();
    channels.add(channel);
    if (token == null) {
      return channel;
    }
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
        "Bearer " + token);
    return ClientInterceptors.intercept(channel,
        MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  private static Status list(Channel channel) {
    try {
      CampaignServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .listCampaigns(ListCampaignsRequest.getDefaultInstance());
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  private static JobResult result(JobAssignment job) {
    return JobResult.newBuilder().setJobId(job.getJobId()).setAttempt(job.getAttempt())
        .setArchIndex(job.getArchIndex()).setLatencyMs(2.0)
        .setStats(Statistics.newBuilder().setN(1).setMedianMs(2.0))
        .addRounds(Round.newBuilder().addNanos(2_000_000L)).build();
  }

  /** A bare agent stream over a real channel. */
  private static final class Agent {
    final BlockingQueue<CollectorMessage> inbox = new LinkedBlockingQueue<>();
    final CompletableFuture<Status> closed = new CompletableFuture<>();
    final StreamObserver<AgentMessage> out;

    Agent(Channel channel) {
      out = AgentServiceGrpc.newStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS)
          .session(new StreamObserver<>() {
            @Override
            public void onNext(CollectorMessage message) {
              inbox.add(message);
            }

            @Override
            public void onError(Throwable t) {
              closed.complete(Status.fromThrowable(t));
            }

            @Override
            public void onCompleted() {
              closed.complete(Status.OK);
            }
          });
    }

    void send(AgentMessage message) {
      out.onNext(message);
    }

    void hello(String agentId) throws InterruptedException {
      send(AgentMessage.newBuilder().setHello(Hello.newBuilder().setAgentId(agentId)
          .setTarget(TARGET)).build());
      assertThat(next().hasWelcome()).isTrue();
    }

    CollectorMessage next() throws InterruptedException {
      CollectorMessage message = inbox.poll(10, TimeUnit.SECONDS);
      assertThat(message).as("message within 10 s").isNotNull();
      return message;
    }
  }
}
