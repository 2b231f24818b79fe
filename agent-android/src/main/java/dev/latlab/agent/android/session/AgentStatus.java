package dev.latlab.agent.android.session;

import dev.latlab.agent.android.device.DeviceState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the agent is doing, for the screen and the notification. Immutable; each change makes a
 * new one through the {@code with...} methods.
 *
 * @param running whether the agent runs (started and neither stopped nor refused)
 * @param connected whether a session with the collector is open
 * @param problem why the agent stopped or cannot connect (one line), or empty
 * @param pausedReason why measuring is paused, or empty
 * @param job the job being measured, e.g. {@code arch 1234 (job 7, attempt 1)}, or empty
 * @param measured jobs measured since the start
 * @param failed jobs that could not be measured
 * @param acked results the collector stored
 * @param lastLatenciesMs the latest latencies, newest first, at most {@link #LAST_LATENCIES}
 * @param device the last device state read, or null
 * @param backend the backend's identity, or empty before it exists
 */
public record AgentStatus(boolean running, boolean connected, String problem,
    String pausedReason, String job, int measured, int failed, int acked,
    List<Double> lastLatenciesMs, DeviceState device, String backend) {
  /** How many latencies the status keeps. */
  public static final int LAST_LATENCIES = 5;

  /** Not started. */
  public static final AgentStatus STOPPED =
      new AgentStatus(false, false, "", "", "", 0, 0, 0, List.of(), null, "");

  /** Freezes the latency list. */
  public AgentStatus {
    lastLatenciesMs = Collections.unmodifiableList(new ArrayList<>(lastLatenciesMs));
  }

  /**
   * Returns a fresh running status for a backend, keeping the last device state.
   *
   * @param backendIdentity the backend's identity
   * @return the status
   */
  public AgentStatus started(String backendIdentity) {
    return new AgentStatus(true, false, "", "", "", 0, 0, 0, List.of(), device, backendIdentity);
  }

  /**
   * Returns this status stopped, with the reason if it stopped because of a problem.
   *
   * @param why one line, or empty for a requested stop
   * @return the status
   */
  public AgentStatus stopped(String why) {
    return new AgentStatus(false, false, why, "", "", measured, failed, acked, lastLatenciesMs,
        device, backend);
  }

  /**
   * Returns this status with the connection state.
   *
   * @param isConnected whether a session is open
   * @param why why not, or empty
   * @return the status
   */
  public AgentStatus connection(boolean isConnected, String why) {
    return new AgentStatus(running, isConnected, why, pausedReason, job, measured, failed, acked,
        lastLatenciesMs, device, backend);
  }

  /**
   * Returns this status with the pause reason.
   *
   * @param reason why measuring is paused, or empty
   * @return the status
   */
  public AgentStatus paused(String reason) {
    return new AgentStatus(running, connected, problem, reason, job, measured, failed, acked,
        lastLatenciesMs, device, backend);
  }

  /**
   * Returns this status measuring a job.
   *
   * @param description the job, one line
   * @return the status
   */
  public AgentStatus measuring(String description) {
    return new AgentStatus(running, connected, problem, pausedReason, description, measured,
        failed, acked, lastLatenciesMs, device, backend);
  }

  /**
   * Returns this status after a job was measured.
   *
   * @param latencyMs its latency
   * @return the status, the latency first in the list
   */
  public AgentStatus measuredOne(double latencyMs) {
    List<Double> latest = new ArrayList<>();
    latest.add(latencyMs);
    latest.addAll(lastLatenciesMs.subList(0, Math.min(lastLatenciesMs.size(),
        LAST_LATENCIES - 1)));
    return new AgentStatus(running, connected, problem, pausedReason, "", measured + 1, failed,
        acked, latest, device, backend);
  }

  /**
   * Returns this status after a job failed.
   *
   * @param reason why, one line
   * @return the status
   */
  public AgentStatus failedOne(String reason) {
    return new AgentStatus(running, connected, "last job failed: " + reason, pausedReason, "",
        measured, failed + 1, acked, lastLatenciesMs, device, backend);
  }

  /**
   * Returns this status after the collector stored a result.
   *
   * @return the status
   */
  public AgentStatus ackedOne() {
    return new AgentStatus(running, connected, problem, pausedReason, job, measured, failed,
        acked + 1, lastLatenciesMs, device, backend);
  }

  /**
   * Returns this status with a new device state.
   *
   * @param state the state
   * @return the status
   */
  public AgentStatus device(DeviceState state) {
    return new AgentStatus(running, connected, problem, pausedReason, job, measured, failed,
        acked, lastLatenciesMs, state, backend);
  }
}
