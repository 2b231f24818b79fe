package dev.latlab.collector.grpc;

import dev.latlab.collector.store.AgentRow;
import dev.latlab.proto.v1.AgentInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds ListAgents' answer from the stored agents and the live sessions. */
final class AgentViews {
  private AgentViews() {}

  /**
   * Returns every agent, most recently seen first: stored agents with their live state, plus
   * connected agents the store has not recorded yet (first, as they were seen last).
   */
  static List<AgentInfo> list(List<AgentRow> stored, List<AgentSession> live, Scheduler scheduler) {
    Map<String, AgentSession> sessions = new HashMap<>();
    live.forEach(session -> sessions.put(session.agentId(), session));
    List<AgentInfo> known = new ArrayList<>();
    for (AgentRow row : stored) {
      known.add(info(row, sessions.remove(row.agentId()), scheduler));
    }
    List<AgentInfo> out = new ArrayList<>();
    for (AgentSession session : sessions.values()) {
      out.add(info(null, session, scheduler));
    }
    out.addAll(known);
    return out;
  }

  // Either argument may be null, not both.
  private static AgentInfo info(AgentRow row, AgentSession session, Scheduler scheduler) {
    AgentInfo.Builder info = AgentInfo.newBuilder().setConnected(session != null);
    if (row != null) {
      info.setAgentId(row.agentId()).setTarget(row.target())
          .setDescription(Rows.description(row))
          .setLastSeenUnixMs(row.lastSeenMillis())
          .setResultsStored(row.resultsStored());
    }
    if (session != null) {
      info.setAgentId(session.agentId()).setTarget(session.target())
          .setDescription(session.hello().getDescription())
          .setLastSeenUnixMs(Math.max(info.getLastSeenUnixMs(), session.lastSeenMillis()))
          .setJobsInFlight(scheduler.inFlight(session))
          .setPausedReason(session.pausedReason());
    }
    return info.build();
  }
}
