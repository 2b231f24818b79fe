package dev.latlab.cli.collector;

import dev.latlab.cli.UserException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Simulated agents of one target over shared channels, with one heartbeat thread for them all. */
final class AgentFleet implements AutoCloseable {
  private final List<SimulatedAgent> agents;
  private final ScheduledExecutorService heartbeats;

  private AgentFleet(List<SimulatedAgent> agents) {
    this.agents = agents;
    this.heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "latlab-bench-heartbeats");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Connects {@code count} agents (ids {@code bench-agent-0000}, ...) and sends their Hellos.
   *
   * @param credit jobs each keeps in flight; 0 for idle agents
   * @param deadline how long each session may last
   */
  static AgentFleet connect(BenchChannels channels, int count, String target, int credit,
      AckRecorder recorder, Duration deadline) {
    List<SimulatedAgent> agents = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = String.format(Locale.ROOT, "bench-agent-%04d", i);
      agents.add(SimulatedAgent.connect(channels.get(i), id, target, credit, recorder, deadline));
    }
    AgentFleet fleet = new AgentFleet(agents);
    fleet.heartbeats.scheduleWithFixedDelay(fleet::heartbeat, 1, 1, TimeUnit.SECONDS);
    return fleet;
  }

  /**
   * Waits until every agent is welcomed.
   *
   * @throws UserException if one is not welcomed within the timeout
   */
  void awaitWelcomes(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (SimulatedAgent agent : agents) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (!agent.awaitWelcome(left)) {
        throw new UserException("not every simulated agent was welcomed within " + timeout);
      }
    }
  }

  /** Returns the jobs the agents had acknowledged; call after the run. */
  List<String> acked() {
    List<String> all = new ArrayList<>();
    agents.forEach(agent -> all.addAll(agent.acked()));
    return all;
  }

  private void heartbeat() {
    long now = System.nanoTime();
    agents.forEach(agent -> agent.heartbeatIfIdle(now));
  }

  /** Half-closes every session and stops the heartbeats; the channels stay open. */
  @Override
  public void close() {
    heartbeats.shutdownNow();
    agents.forEach(SimulatedAgent::close);
  }
}
