package dev.latlab.cli.agent;

import dev.latlab.agent.Environment;
import dev.latlab.agent.EnvironmentProbe;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.remote.CollectorClient;
import dev.latlab.agent.remote.JobExecutor;
import dev.latlab.agent.remote.ProtoMapping;
import dev.latlab.agent.remote.ResultSpool;
import dev.latlab.cli.UserException;
import dev.latlab.cli.VersionProvider;
import io.grpc.Channel;
import java.io.IOException;
import java.nio.file.Path;

/** Builds the {@link CollectorClient} of this machine: backend, target, spool, description. */
public final class AgentFactory {
  private AgentFactory() {}

  /**
   * Returns a client ready to start.
   *
   * @param channel the channel to the collector (token attached by the channel)
   * @param backend the runtime
   * @param target the target name, or null for the default
   * @param spoolDir the spool directory, or null for the default under ~/.latlab
   * @param listener progress
   * @return the client
   */
  public static CollectorClient create(Channel channel, InferenceBackend backend, String target,
      Path spoolDir, CollectorClient.Listener listener) {
    Environment env = EnvironmentProbe.system().capture();
    String name = target != null ? target : TargetNames.defaultFor(backend, env.fingerprint());
    Path dir = spoolDir != null ? spoolDir
        : Path.of(System.getProperty("user.home"), ".latlab", "agent", name);
    ResultSpool spool;
    try {
      spool = ResultSpool.open(dir);
    } catch (IOException e) {
      throw new UserException("cannot open spool directory " + dir + ": " + e.getMessage(), e);
    }
    return CollectorClient.builder(channel, spool).target(name)
        .description(ProtoMapping.describe(backend, env)).executor(JobExecutor.measuring(backend))
        .agentVersion(VersionProvider.version()).listener(listener).build();
  }

  /**
   * Returns the target name a client would use.
   *
   * @param backend the runtime
   * @param target the explicit name, or null
   * @return the name
   */
  public static String targetName(InferenceBackend backend, String target) {
    return target != null ? target
        : TargetNames.defaultFor(backend, EnvironmentProbe.system().capture().fingerprint());
  }
}
