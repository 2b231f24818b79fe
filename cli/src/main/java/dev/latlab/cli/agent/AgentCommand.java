package dev.latlab.cli.agent;

import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.Measurement;
import dev.latlab.agent.remote.CollectorClient;
import dev.latlab.cli.UserException;
import dev.latlab.cli.remote.ClientOptions;
import dev.latlab.proto.v1.JobAssignment;
import dev.latlab.proto.v1.ResultAck;
import dev.latlab.proto.v1.ResultRejected;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latlab agent}: serve a collector, or measure offline with a subcommand. */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "With --collector: run this machine's agent. It dials out to the collector (NAT-friendly), "
          + "receives jobs for its target, measures them with a real runtime and streams the "
          + "results back; results wait in an on-disk spool until the collector has stored them, "
          + "and the agent reconnects with back-off when the connection drops.",
      "Without --collector: use a subcommand to measure offline.",
      "Networks are generated here from the cell and a weight seed; nothing is downloaded.",
      ""
    },
    subcommands = {
      AgentMeasureCommand.class,
      AgentSweepCommand.class,
      AgentCompareCommand.class,
      AgentOverheadCommand.class
    })
public final class AgentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClientOptions client;
  @Mixin BackendOptions backend;

  @Option(names = "--target", paramLabel = "NAME", description = "The target this agent measures "
      + "for. Default: derived from the device fingerprint and the backend options.")
  String target;

  @Option(names = "--spool-dir", paramLabel = "DIR", description = "Where unacknowledged results "
      + "wait. Default: ~/.latlab/agent/TARGET.")
  Path spoolDir;

  @Override
  public Integer call() throws InterruptedException {
    if (client.address() == null) {
      spec.commandLine().usage(spec.commandLine().getOut());
      return 0;
    }
    InferenceBackend runtime = backend.create();
    PrintWriter out = spec.commandLine().getOut();
    ManagedChannel channel = client.open();
    CollectorClient agent = AgentFactory.create(channel, runtime, target, spoolDir,
        new ConsoleListener(out));
    out.printf("agent for target %s -> %s%n", AgentFactory.targetName(runtime, target),
        client.address());
    out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "latlab-agent-shutdown"));
    try {
      agent.start();
      agent.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
    } finally {
      agent.close();
      channel.shutdownNow();
    }
    Status fatal = agent.fatalStatus().orElse(null);
    if (fatal != null) {
      throw new UserException("collector refused the agent: " + fatal.getCode() + ": "
          + fatal.getDescription());
    }
    return 0;
  }

  /** One line per event, for logs and terminals alike. */
  private static final class ConsoleListener implements CollectorClient.Listener {
    private final PrintWriter out;
    private final Object lock = new Object();

    ConsoleListener(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void connected(String sessionId) {
      line("connected (session %s)", sessionId);
    }

    @Override
    public void measured(JobAssignment job, Measurement m) {
      line("job %s: arch %d %.4f ms (%d runs)", job.getJobId(), job.getArchIndex(),
          m.latencyMillis(), m.runs());
    }

    @Override
    public void failed(JobAssignment job, String reason) {
      line("job %s failed: %s", job.getJobId(), reason);
    }

    @Override
    public void acked(ResultAck ack) {
      line("job %s stored%s", ack.getJobId(), ack.getDuplicate() ? " (already stored)" : "");
    }

    @Override
    public void rejected(ResultRejected r) {
      line("job %s rejected (%d): %s", r.getJobId(), r.getCode(), r.getDescription());
    }

    @Override
    public void disconnected(Status status, Duration retryIn) {
      line("disconnected (%s%s), retrying in %.1f s", status.getCode(),
          status.getDescription() == null ? "" : ": " + status.getDescription(),
          retryIn.toMillis() / 1000.0);
    }

    private void line(String format, Object... args) {
      synchronized (lock) {
        out.printf(Locale.ROOT, format + "%n", args);
        out.flush();
      }
    }
  }
}
