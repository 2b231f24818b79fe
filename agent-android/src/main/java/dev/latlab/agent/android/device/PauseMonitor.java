package dev.latlab.agent.android.device;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.latlab.agent.Sleeper;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the phone's state, applies the {@link PausePolicy}, and tells a listener the state and any
 * change of the pause. The service checks it periodically (so the screen and the collector learn
 * of a pause while no job runs), and the measuring thread waits in {@link #awaitResumed()} before
 * each job. Thread-safe.
 */
public final class PauseMonitor {
  private static final Logger logger = Logger.getLogger(PauseMonitor.class.getName());

  private final Supplier<DeviceState> source;
  private final PausePolicy policy;
  private final Listener listener;
  private final Sleeper sleeper;
  private final long pollNanos;
  private final Object lock = new Object();

  @GuardedBy("lock")
  private String reason = "";

  @GuardedBy("lock")
  private DeviceState last;

  /**
   * Creates a monitor.
   *
   * @param source reads the phone's state now
   * @param policy when to pause
   * @param listener told of every state read and every change of the pause
   * @param sleeper waits between checks while paused
   * @param pollNanos time between checks while paused, positive
   */
  public PauseMonitor(Supplier<DeviceState> source, PausePolicy policy, Listener listener,
      Sleeper sleeper, long pollNanos) {
    this.source = requireNonNull(source, "source");
    this.policy = requireNonNull(policy, "policy");
    this.listener = requireNonNull(listener, "listener");
    this.sleeper = requireNonNull(sleeper, "sleeper");
    if (pollNanos <= 0) {
      throw new IllegalArgumentException("pollNanos must be positive: " + pollNanos);
    }
    this.pollNanos = pollNanos;
  }

  /**
   * Reads the state now and applies the policy. A source that throws leaves the previous state
   * and pause in force (logged).
   *
   * @return the pause reason, empty if the phone may measure
   */
  public String check() {
    DeviceState state;
    try {
      state = source.get();
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "Could not read the device state", e);
      synchronized (lock) {
        return reason;
      }
    }
    String now;
    boolean changed;
    synchronized (lock) {
      now = policy.pauseReason(state, !reason.isEmpty());
      changed = !now.equals(reason);
      reason = now;
      last = state;
    }
    listener.stateRead(state);
    if (changed) {
      logger.info(now.isEmpty() ? "Measuring resumes" : "Measuring paused: " + now);
      listener.pauseChanged(now);
    }
    return now;
  }

  /**
   * Returns when the phone may measure, checking every poll interval while it may not.
   *
   * @throws InterruptedException if interrupted while waiting (the agent is stopping)
   */
  public void awaitResumed() throws InterruptedException {
    while (!check().isEmpty()) {
      sleeper.sleep(pollNanos);
    }
  }

  /**
   * Returns the state of the last successful read.
   *
   * @return the state, or null before the first
   */
  public DeviceState lastState() {
    synchronized (lock) {
      return last;
    }
  }

  /** Receives what the monitor reads. Called on the checking thread; must not block. */
  public interface Listener {
    /**
     * The state was read.
     *
     * @param state the state
     */
    void stateRead(DeviceState state);

    /**
     * Measuring paused, or resumed.
     *
     * @param reason why it paused; empty when it resumes
     */
    void pauseChanged(String reason);
  }
}
