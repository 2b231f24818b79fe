package dev.latlab.collector.grpc;

import dev.latlab.collector.DatasetExporter;
import dev.latlab.collector.FakeTime;
import dev.latlab.collector.store.Store;
import dev.latlab.collector.store.TestStores;
import dev.latlab.proto.v1.Campaign;
import dev.latlab.proto.v1.CampaignServiceGrpc;
import dev.latlab.proto.v1.CreateCampaignRequest;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The collector's services on an in-process server, with a fake clock and scripted agents. One per
 * test; close it in {@code @AfterEach}.
 */
final class Harness implements AutoCloseable {
  static final String TOKEN = "test-token";
  static final Duration HEARTBEAT = Duration.ofSeconds(5);
  static final Duration LEASE_TIMEOUT = Duration.ofSeconds(30);

  final FakeTime time = new FakeTime();
  final Store store;
  final CollectorServices services;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Server server;
  private final ManagedChannel channel;
  private final List<AgentClient> agents = new ArrayList<>();

  private Harness(Options options) {
    this.store = options.storeWrapper.apply(TestStores.create(options.dir));
    this.services = CollectorServices.create(store, options.token, options.exporter, HEARTBEAT,
        LEASE_TIMEOUT, options.maxAttempts, time, time, executor);
    services.start();
    String name = InProcessServerBuilder.generateName();
    try {
      InProcessServerBuilder builder = InProcessServerBuilder.forName(name).executor(executor);
      services.services().forEach(builder::addService);
      this.server = builder.build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.channel = InProcessChannelBuilder.forName(name).build();
  }

  /** Returns options for a harness whose database lives in {@code dir}. */
  static Options with(Path dir) {
    return new Options(dir);
  }

  /** Returns a channel whose calls carry the token (none if null). */
  Channel channel(String token) {
    if (token == null) {
      return channel;
    }
    Metadata headers = new Metadata();
    headers.put(AuthInterceptor.AUTHORIZATION, "Bearer " + token);
    return ClientInterceptors.intercept(channel,
        MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  /** Returns a campaign stub with the right token and a 10 s deadline. */
  CampaignServiceGrpc.CampaignServiceBlockingStub campaigns() {
    return CampaignServiceGrpc.newBlockingStub(channel(TOKEN))
        .withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  /** Opens an agent's stream (closed with the harness). */
  AgentClient agent(String agentId, String target) {
    AgentClient agent = new AgentClient(channel(TOKEN), agentId, target);
    agents.add(agent);
    return agent;
  }

  /** Opens an agent's stream and completes the Hello. */
  AgentClient connected(String agentId, String target) {
    AgentClient agent = agent(agentId, target);
    agent.connect();
    return agent;
  }

  /** Creates a campaign of the listed cells, one repeat, default protocol and network. */
  Campaign createCampaign(String target, Integer... cells) {
    return campaigns().createCampaign(CreateCampaignRequest.newBuilder().setTarget(target)
        .addAllArchIndices(Arrays.asList(cells)).build());
  }

  @Override
  public void close() {
    agents.forEach(AgentClient::close);
    try {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      services.close();
      executor.shutdownNow();
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      store.close();
    }
  }

  /** How to build a harness; defaults: token required, 3 attempts, no exporter. */
  static final class Options {
    private final Path dir;
    private String token = TOKEN;
    private int maxAttempts = 3;
    private DatasetExporter exporter;
    private UnaryOperator<Store> storeWrapper = UnaryOperator.identity();

    private Options(Path dir) {
      this.dir = dir;
    }

    Options token(String token) {
      this.token = token;
      return this;
    }

    Options maxAttempts(int attempts) {
      this.maxAttempts = attempts;
      return this;
    }

    Options exporter(DatasetExporter exporter) {
      this.exporter = exporter;
      return this;
    }

    Options storeWrapper(UnaryOperator<Store> wrapper) {
      this.storeWrapper = wrapper;
      return this;
    }

    Harness start() {
      return new Harness(this);
    }
  }
}
