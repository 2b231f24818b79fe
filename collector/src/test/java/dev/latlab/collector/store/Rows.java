package dev.latlab.collector.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Test rows and a raw view of the database file, independent of the store's connections. */
final class Rows {
  static final String TARGET = "pixel7-cpu1";

  private Rows() {}

  static CampaignRow campaign(String id, long createdAtMillis) {
    return new CampaignRow(id, TARGET, "sample:3:1", 3, 1, bytes("protocol-" + id),
        bytes("network-" + id), createdAtMillis, "label " + id);
  }

  /** {@code n} open jobs named {@code <campaign>/<i>}, cell {@code 100 + i}. */
  static List<JobRow> jobs(String campaignId, int n) {
    List<JobRow> jobs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      jobs.add(job(campaignId + "/" + i, campaignId, 100 + i));
    }
    return jobs;
  }

  static JobRow job(String id, String campaignId, int archIndex) {
    return new JobRow(id, campaignId, archIndex, 0, 0, null, JobRow.State.OPEN);
  }

  static ResultRow result(JobRow job, String agentId, int attempt) {
    return new ResultRow(job.id(), attempt, job.campaignId(), TARGET, agentId, job.archIndex(),
        1.5 + job.archIndex(), bytes("result-" + job.id() + "-" + attempt), 1_000L + attempt);
  }

  static AgentRow agent(String agentId, long lastSeenMillis) {
    return new AgentRow(agentId, TARGET, bytes("description-" + agentId), lastSeenMillis, 0);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Runs a one-value query on a new connection: sees only what is committed to the file. */
  static String queryFresh(Path file, String sql, Object... args) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql, e);
    }
  }

  /** Runs a statement on a new connection. */
  static void executeFresh(Path file, String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        var s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("statement failed: " + sql, e);
    }
  }
}
