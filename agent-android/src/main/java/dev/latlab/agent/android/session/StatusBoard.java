package dev.latlab.agent.android.session;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's current {@link AgentStatus}, shared by the service (which writes it from the agent's
 * threads) and the screen and notification (which watch it). Thread-safe; watchers are called on
 * the thread that changed the status and must hand over to their own thread.
 */
public final class StatusBoard {
  private static final Logger logger = Logger.getLogger(StatusBoard.class.getName());

  private final AtomicReference<AgentStatus> status = new AtomicReference<>(AgentStatus.STOPPED);
  private final List<Consumer<AgentStatus>> watchers = new CopyOnWriteArrayList<>();

  /**
   * Returns the status now.
   *
   * @return the status
   */
  public AgentStatus current() {
    return status.get();
  }

  /**
   * Changes the status and tells every watcher.
   *
   * @param change from the current status to the new one
   * @return the new status
   */
  public AgentStatus update(UnaryOperator<AgentStatus> change) {
    AgentStatus now = status.updateAndGet(change);
    for (Consumer<AgentStatus> watcher : watchers) {
      try {
        watcher.accept(now);
      } catch (RuntimeException e) {
        logger.log(Level.WARNING, "A status watcher failed", e);
      }
    }
    return now;
  }

  /**
   * Adds a watcher.
   *
   * @param watcher called with every new status
   */
  public void watch(Consumer<AgentStatus> watcher) {
    watchers.add(requireNonNull(watcher, "watcher"));
  }

  /**
   * Removes a watcher.
   *
   * @param watcher one added before
   */
  public void unwatch(Consumer<AgentStatus> watcher) {
    watchers.remove(watcher);
  }
}
