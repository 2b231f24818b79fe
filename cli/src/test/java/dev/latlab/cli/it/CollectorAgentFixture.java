package dev.latlab.cli.it;

import dev.latlab.agent.remote.CollectorClient;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collector process with an in-process agent over a channel to it: the tests set the fields,
 * the fixture closes whatever they set, agent first.
 */
abstract class CollectorAgentFixture {
  // Kept when a test fails: NAME.out and NAME.err hold what each process printed.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir;
  final RecordingListener listener = new RecordingListener();
  CollectorProcess collector;
  ManagedChannel channel;
  CollectorClient agent;

  @AfterEach
  void tearDown() throws InterruptedException {
    if (agent != null) {
      agent.close();
    }
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (collector != null) {
      collector.close();
    }
  }
}
