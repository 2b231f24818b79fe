package dev.latlab.collector.grpc;

import io.grpc.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The open agent sessions: all of them, and those past their Hello by agent id. Thread-safe. */
final class SessionRegistry {
  private final Object lock = new Object();
  // @GuardedBy("lock") on both.
  private final Set<AgentSession> open = new LinkedHashSet<>();
  private final Map<String, AgentSession> byAgent = new HashMap<>();

  /** Adds a session that has just opened. */
  void add(AgentSession session) {
    synchronized (lock) {
      open.add(session);
    }
  }

  /**
   * Records the agent of a session after its Hello.
   *
   * @return the agent's previous session, still open, or null
   */
  AgentSession bind(AgentSession session) {
    synchronized (lock) {
      AgentSession previous = byAgent.put(session.agentId(), session);
      return previous == session ? null : previous;
    }
  }

  /** Forgets a session that ended. */
  void remove(AgentSession session) {
    synchronized (lock) {
      open.remove(session);
      if (session.isBound()) {
        byAgent.remove(session.agentId(), session);
      }
    }
  }

  /** Returns the agent's open session, or null. */
  AgentSession ofAgent(String agentId) {
    synchronized (lock) {
      return byAgent.get(agentId);
    }
  }

  /** Returns the sessions past their Hello. */
  List<AgentSession> bound() {
    synchronized (lock) {
      return new ArrayList<>(byAgent.values());
    }
  }

  /** Returns how many agents of the target are connected. */
  int connected(String target) {
    synchronized (lock) {
      return (int) byAgent.values().stream().filter(s -> s.target().equals(target)).count();
    }
  }

  /**
   * Ends the sessions from which nothing arrived for longer than the timeout; their leases expire.
   *
   * @param nowNanos the ticker's reading
   * @param timeoutNanos the lease timeout
   * @return how many sessions ended
   */
  int expireSilent(long nowNanos, long timeoutNanos) {
    List<AgentSession> silent = new ArrayList<>();
    synchronized (lock) {
      for (AgentSession session : open) {
        if (nowNanos - session.lastSeenNanos() > timeoutNanos) {
          silent.add(session);
        }
      }
    }
    silent.forEach(AgentSession::expire);
    return silent.size();
  }

  /** Ends every open session with the status, e.g. when the collector shuts down. */
  void endAll(Status status) {
    List<AgentSession> all;
    synchronized (lock) {
      all = new ArrayList<>(open);
    }
    all.forEach(session -> session.end(status));
  }
}
