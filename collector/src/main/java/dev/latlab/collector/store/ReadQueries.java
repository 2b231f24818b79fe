package dev.latlab.collector.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The store's reads on the read connection. Not thread-safe: {@link SqliteStore} locks. */
final class ReadQueries {
  private static final String CAMPAIGN_COLUMNS =
      "SELECT id, target, selection, cells, repeats, protocol, network, created_at, label"
          + " FROM campaigns";
  private static final String CAMPAIGNS = CAMPAIGN_COLUMNS + " ORDER BY seq DESC";
  private static final String CAMPAIGN = CAMPAIGN_COLUMNS + " WHERE id = ?";
  private static final String JOB_COLUMNS =
      "SELECT j.id, j.campaign_id, j.arch_index, j.repeat, j.attempts, j.leased_to, j.state"
          + " FROM jobs j";
  private static final String JOB = JOB_COLUMNS + " WHERE j.id = ?";
  /*
   * CROSS JOIN fixes the loop order (SQLite never reorders it): campaigns in creation order, then
   * each one's open jobs from jobs_by_campaign_state, which yields them by seq. Without it the
   * planner may scan all jobs and sort them in a temporary B-tree.
   */
  static final String OPEN_JOBS =
      "SELECT j.id, j.campaign_id, j.arch_index, j.repeat, j.attempts, j.leased_to, j.state"
          + " FROM campaigns c CROSS JOIN jobs j ON j.campaign_id = c.id"
          + " WHERE j.state = 'OPEN' ORDER BY c.seq, j.seq";
  static final String COUNTS =
      "SELECT state, COUNT(*) FROM jobs WHERE campaign_id = ? GROUP BY state";
  private static final String AGENTS =
      "SELECT a.agent_id, a.target, a.description, a.last_seen,"
          + " (SELECT COUNT(*) FROM results r WHERE r.agent_id = a.agent_id)"
          + " FROM agents a ORDER BY a.last_seen DESC, a.agent_id";
  static final String RESULTS =
      "SELECT job_id, attempt, campaign_id, target, agent_id, arch_index, latency_ms, result,"
          + " stored_at FROM results WHERE target = ? ORDER BY seq";
  private static final String RESULT_COUNT = "SELECT COUNT(*) FROM results";

  /** Maps the current row of a result set. */
  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final StatementCache db;

  ReadQueries(StatementCache db) {
    this.db = db;
  }

  List<CampaignRow> campaigns() throws SQLException {
    return list(db.prepare(CAMPAIGNS), ReadQueries::campaign);
  }

  Optional<CampaignRow> campaign(String id) throws SQLException {
    return first(db.bind(CAMPAIGN, id), ReadQueries::campaign);
  }

  Optional<JobRow> job(String id) throws SQLException {
    return first(db.bind(JOB, id), ReadQueries::job);
  }

  List<JobRow> openJobs() throws SQLException {
    return list(db.prepare(OPEN_JOBS), ReadQueries::job);
  }

  JobCounts counts(String campaignId) throws SQLException {
    long open = 0;
    long done = 0;
    long failed = 0;
    try (ResultSet rs = db.bind(COUNTS, campaignId).executeQuery()) {
      while (rs.next()) {
        switch (JobRow.State.valueOf(rs.getString(1))) {
          case OPEN -> open = rs.getLong(2);
          case DONE -> done = rs.getLong(2);
          case FAILED -> failed = rs.getLong(2);
        }
      }
    }
    return new JobCounts(open, done, failed);
  }

  List<AgentRow> agents() throws SQLException {
    return list(db.prepare(AGENTS), rs -> new AgentRow(rs.getString(1), rs.getString(2),
        rs.getBytes(3), rs.getLong(4), rs.getLong(5)));
  }

  List<ResultRow> results(String target) throws SQLException {
    return list(db.bind(RESULTS, target), rs -> new ResultRow(rs.getString(1), rs.getInt(2),
        rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getDouble(7),
        rs.getBytes(8), rs.getLong(9)));
  }

  long resultCount() throws SQLException {
    try (ResultSet rs = db.prepare(RESULT_COUNT).executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static CampaignRow campaign(ResultSet rs) throws SQLException {
    return new CampaignRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
        rs.getInt(5), rs.getBytes(6), rs.getBytes(7), rs.getLong(8), rs.getString(9));
  }

  private static JobRow job(ResultSet rs) throws SQLException {
    return new JobRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
        rs.getString(6), JobRow.State.valueOf(rs.getString(7)));
  }

  private static <T> List<T> list(PreparedStatement statement, RowMapper<T> mapper)
      throws SQLException {
    List<T> rows = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        rows.add(mapper.map(rs));
      }
    }
    return rows;
  }

  private static <T> Optional<T> first(PreparedStatement statement, RowMapper<T> mapper)
      throws SQLException {
    try (ResultSet rs = statement.executeQuery()) {
      return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
    }
  }
}
