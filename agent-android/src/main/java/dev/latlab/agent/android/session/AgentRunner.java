package dev.latlab.agent.android.session;

import static java.util.Objects.requireNonNull;

import dev.latlab.agent.Environment;
import dev.latlab.agent.InferenceBackend;
import dev.latlab.agent.Sleeper;
import dev.latlab.agent.android.device.AndroidEnvironment;
import dev.latlab.agent.android.device.DeviceState;
import dev.latlab.agent.android.device.PauseMonitor;
import dev.latlab.agent.android.device.PausePolicy;
import dev.latlab.agent.remote.CollectorClient;
import dev.latlab.agent.remote.CollectorClientBuilder;
import dev.latlab.agent.remote.JobExecutor;
import dev.latlab.agent.remote.ProtoMapping;
import dev.latlab.agent.remote.ResultSpool;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The phone's agent, minus Android: a collector client over gRPC's OkHttp transport that measures
 * its jobs on the Interpreter backend, pauses while the phone is too hot or low on battery (and
 * tells the collector), records the phone's state with every result, and shows all of it on a
 * {@link StatusBoard}. The service starts one and closes it; the integration test runs the same
 * class on the JVM against a real collector.
 */
public final class AgentRunner implements AutoCloseable {
  private static final Logger logger = Logger.getLogger(AgentRunner.class.getName());

  private final ManagedChannel channel;
  private final CollectorClient client;
  private final ScheduledExecutorService checks;
  private final StatusBoard board;

  private AgentRunner(ManagedChannel channel, CollectorClient client,
      ScheduledExecutorService checks, StatusBoard board) {
    this.channel = channel;
    this.client = client;
    this.checks = checks;
    this.board = board;
  }

  /**
   * Starts an agent: opens the channel and the spool, connects, and checks the phone's state every
   * {@code checkEvery}. Returns at once; progress goes to the board.
   *
   * @param settings where to connect and as which target
   * @param parts the backend, the spool directory and the readers of the phone's state
   * @param board receives the status
   * @param checkEvery how often the phone's state is read (also the poll while paused)
   * @return the running agent; the caller closes it
   * @throws IOException if the spool cannot be opened
   */
  public static AgentRunner start(AgentSettings settings, Parts parts, StatusBoard board,
      Duration checkEvery) throws IOException {
    StatusListener status = new StatusListener(board);
    ResultSpool spool = ResultSpool.open(parts.spoolDir());
    ManagedChannel channel = OkHttpChannels.open(settings);
    ClientHolder holder = new ClientHolder();
    PauseMonitor monitor = new PauseMonitor(parts.deviceStates(), PausePolicy.DEFAULT,
        new PauseMonitor.Listener() {
          @Override
          public void stateRead(DeviceState state) {
            status.stateRead(state);
          }

          @Override
          public void pauseChanged(String reason) {
            status.pauseChanged(reason);
            holder.reportPaused(reason);
          }
        }, Sleeper.SYSTEM, checkEvery.toNanos());
    Supplier<Environment> environment = () -> environment(parts, monitor);
    JobExecutor executor = new PausingExecutor(monitor, status::measuring,
        JobExecutor.measuring(parts.backend(), environment));
    board.update(s -> s.started(parts.backend().identity()));
    CollectorClientBuilder builder = CollectorClient.builder(channel, spool)
        .target(settings.target())
        .description(ProtoMapping.describe(parts.backend(), environment.get()))
        .agentVersion(parts.agentVersion())
        .executor(executor)
        .listener(status);
    if (!settings.token().isEmpty()) {
      builder.bearerToken(settings.token());
    }
    CollectorClient client = builder.build();
    holder.set(client);
    ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "latlab-device-checks");
      t.setDaemon(true);
      return t;
    });
    checks.scheduleWithFixedDelay(monitor::check, 0, checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    client.start();
    return new AgentRunner(channel, client, checks, board);
  }

  private static Environment environment(Parts parts, PauseMonitor monitor) {
    DeviceState state;
    try {
      state = parts.deviceStates().get();
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "Could not read the device state for a result", e);
      state = monitor.lastState();
    }
    Environment probed = parts.probe().get();
    return state == null ? probed : AndroidEnvironment.of(probed, state);
  }

  /**
   * Waits until the agent stops by itself (the collector refused it) or the time runs out.
   *
   * @param timeout how long to wait
   * @return true if it stopped
   * @throws InterruptedException if interrupted
   */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return client.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Returns the pause reason now.
   *
   * @return the reason, empty if measuring is allowed
   */
  public String pausedReason() {
    return board.current().pausedReason();
  }

  /** Stops checking, ends the session, and closes the channel; waits a few seconds at most. */
  @Override
  public void close() {
    checks.shutdownNow();
    client.close();
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    board.update(s -> s.running() ? s.stopped("") : s);
  }

  /**
   * What an agent is made of besides its settings.
   *
   * @param backend the measuring backend
   * @param spoolDir where unacknowledged results wait (survives restarts)
   * @param deviceStates reads the phone's state now; may throw, which is logged
   * @param probe reads /proc and /sys ({@code EnvironmentProbe.system()::capture})
   * @param agentVersion LatLab's version, sent to the collector
   */
  public record Parts(InferenceBackend backend, Path spoolDir,
      Supplier<DeviceState> deviceStates, Supplier<Environment> probe, String agentVersion) {
    /** Requires every part. */
    public Parts {
      requireNonNull(backend, "backend");
      requireNonNull(spoolDir, "spoolDir");
      requireNonNull(deviceStates, "deviceStates");
      requireNonNull(probe, "probe");
      requireNonNull(agentVersion, "agentVersion");
    }
  }

  /** The client, known only after the monitor that reports to it is built. */
  private static final class ClientHolder {
    private volatile CollectorClient client;
    private volatile String pending = "";

    void set(CollectorClient c) {
      client = c;
      c.reportPaused(pending);
    }

    void reportPaused(String reason) {
      pending = reason;
      CollectorClient c = client;
      if (c != null) {
        c.reportPaused(reason);
      }
    }
  }
}
