package dev.latlab.agent.remote;

import dev.latlab.agent.Measurement;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.TargetDescription;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link CollectorClient} against a {@link FakeCollector} over in-process gRPC, with a spool in a
 * temporary directory, a {@link RecordingListener} and a synthetic executor.
 */
abstract class ClientTestBase {
  static final TargetDescription DESCRIPTION =
      ProtoMapping.describe(Fixtures.BACKEND, Fixtures.ENVIRONMENT);
  static final int UNLIMITED = Integer.MAX_VALUE;

  @TempDir Path dir;
  final String name = InProcessServerBuilder.generateName();
  final FakeCollector collector = new FakeCollector();
  final RecordingListener listener = new RecordingListener();
  /** Job ids in the order the executor measured them. */
  final List<String> executed = new CopyOnWriteArrayList<>();
  Server server;
  ManagedChannel channel;
  ResultSpool spool;
  CollectorClient client;

  @BeforeEach
  void setUp() throws IOException {
    server = startServer(collector);
    channel = InProcessChannelBuilder.forName(name).build();
    spool = ResultSpool.open(dir.resolve("spool"));
    collector.requiredToken = "secret";
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    if (client != null) {
      client.close();
    }
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  Server startServer(FakeCollector service) throws IOException {
    return InProcessServerBuilder.forName(name).addService(service.definition()).build().start();
  }

  /** Measures a job synthetically and records its id. */
  Measurement measure(JobAssignment job) {
    executed.add(job.getJobId());
    return Fixtures.measurement(job);
  }

  CollectorClientBuilder builder(JobExecutor executor, RecordingSleeper sleeper) {
    return CollectorClient.builder(channel, spool).agentId("agent-1").target("noop-2t")
        .description(DESCRIPTION).agentVersion("0.1.0-test").bearerToken("secret")
        .executor(executor).listener(listener).sleeper(sleeper).random(() -> 0.5);
  }

  CollectorClient start(CollectorClientBuilder builder) {
    client = builder.build();
    client.start();
    return client;
  }

  CollectorClient start() {
    return start(builder(this::measure, new RecordingSleeper(UNLIMITED)));
  }
}
