package dev.latlab.collector.store;

import java.sql.SQLException;
import java.util.List;

/** The store's writes, as operations for the {@link WriteQueue}; each runs inside its batch. */
final class WriteOps {
  private static final String INSERT_CAMPAIGN =
      "INSERT INTO campaigns (id, target, selection, cells, repeats, protocol, network,"
          + " created_at, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_JOB =
      "INSERT INTO jobs (id, campaign_id, arch_index, repeat, attempts, leased_to, state)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)";
  /*
   * Why ON CONFLICT (job_id) DO NOTHING rather than INSERT OR IGNORE: OR IGNORE would also swallow
   * NOT NULL and CHECK violations and report them as duplicates; this ignores only the second
   * result of a job. Foreign keys are enforced either way.
   */
  private static final String INSERT_RESULT =
      "INSERT INTO results (job_id, attempt, campaign_id, target, agent_id, arch_index,"
          + " latency_ms, result, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (job_id) DO NOTHING";
  private static final String MARK_DONE = "UPDATE jobs SET state = 'DONE' WHERE id = ?";
  private static final String RECORD_LEASE =
      "UPDATE jobs SET attempts = ?, leased_to = ? WHERE id = ?";
  // A job with a result stays DONE: the measurement is there, whatever the scheduler thinks.
  private static final String MARK_FAILED =
      "UPDATE jobs SET state = 'FAILED', failure_reason = ? WHERE id = ? AND state <> 'DONE'";
  private static final String JOB_EXISTS = "SELECT 1 FROM jobs WHERE id = ?";
  private static final String UPSERT_AGENT =
      "INSERT INTO agents (agent_id, target, description, last_seen) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (agent_id) DO UPDATE SET target = excluded.target,"
          + " description = excluded.description, last_seen = excluded.last_seen";

  private WriteOps() {}

  static WriteQueue.Op<Void> createCampaign(CampaignRow c, List<JobRow> jobs) {
    return db -> {
      db.bind(INSERT_CAMPAIGN, c.id(), c.target(), c.selection(), c.cells(), c.repeats(),
          c.protocol(), c.network(), c.createdAtMillis(), c.label()).executeUpdate();
      for (JobRow j : jobs) {
        db.bind(INSERT_JOB, j.id(), j.campaignId(), j.archIndex(), j.repeat(), j.attempts(),
            j.leasedTo(), j.state().name()).executeUpdate();
      }
      return null;
    };
  }

  static WriteQueue.Op<StoreOutcome> storeResult(ResultRow r) {
    return db -> {
      int inserted = db.bind(INSERT_RESULT, r.jobId(), r.attempt(), r.campaignId(), r.target(),
          r.agentId(), r.archIndex(), r.latencyMs(), r.result(), r.storedAtMillis())
          .executeUpdate();
      if (inserted == 0) {
        return StoreOutcome.DUPLICATE;
      }
      db.bind(MARK_DONE, r.jobId()).executeUpdate();
      return StoreOutcome.STORED;
    };
  }

  static WriteQueue.Op<Void> recordLease(String jobId, int attempt, String agentId) {
    return db -> {
      if (db.bind(RECORD_LEASE, attempt, agentId, jobId).executeUpdate() == 0) {
        throw new SQLException("no job " + jobId);
      }
      return null;
    };
  }

  static WriteQueue.Op<Void> markFailed(String jobId, String reason) {
    return db -> {
      if (db.bind(MARK_FAILED, reason, jobId).executeUpdate() == 0 && !jobExists(db, jobId)) {
        throw new SQLException("no job " + jobId);
      }
      return null;
    };
  }

  static WriteQueue.Op<Void> upsertAgent(AgentRow a) {
    return db -> {
      db.bind(UPSERT_AGENT, a.agentId(), a.target(), a.description(), a.lastSeenMillis())
          .executeUpdate();
      return null;
    };
  }

  private static boolean jobExists(StatementCache db, String jobId) throws SQLException {
    try (var rs = db.bind(JOB_EXISTS, jobId).executeQuery()) {
      return rs.next();
    }
  }
}
