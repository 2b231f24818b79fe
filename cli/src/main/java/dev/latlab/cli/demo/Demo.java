package dev.latlab.cli.demo;

import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.remote.CollectorClient;
import dev.latlab.cli.agent.AgentFactory;
import io.grpc.Channel;
import java.nio.file.Path;

/** The demo's agent: this machine, the default target name, a quiet listener. */
final class Demo {
  private Demo() {}

  static CollectorClient agent(Channel channel, InferenceBackend backend, Path spool) {
    return AgentFactory.create(channel, backend, null, spool, new CollectorClient.Listener() {});
  }

  static String target(InferenceBackend backend) {
    return AgentFactory.targetName(backend, null);
  }
}
