package dev.latlab.cli.collector;

import dev.latlab.cli.UserException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * What the database holds after a run, against what the agents saw acknowledged: every
 * acknowledged result must be stored once (no loss, no duplicate), and nothing else.
 *
 * @param rows rows in the results table
 * @param acks acknowledgements the agents received
 * @param missing acknowledged jobs without a row (lost)
 * @param unacknowledged rows of jobs no agent saw acknowledged
 * @param duplicates rows beyond one per job, plus jobs acknowledged more than once
 */
record RowCheck(long rows, long acks, long missing, long unacknowledged, long duplicates) {

  /** Reads the results table of a closed collector's database. */
  static RowCheck of(Path db, List<String> acked) {
    Set<String> ackedJobs = new HashSet<>(acked);
    Set<String> stored = new HashSet<>();
    long rows = 0;
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT job_id FROM results")) {
      while (rs.next()) {
        stored.add(rs.getString(1));
        rows++;
      }
    } catch (SQLException e) {
      throw new UserException("cannot read the results of " + db + ": " + e.getMessage(), e);
    }
    long missing = ackedJobs.stream().filter(job -> !stored.contains(job)).count();
    long unacknowledged = stored.stream().filter(job -> !ackedJobs.contains(job)).count();
    long duplicates = (rows - stored.size()) + (acked.size() - ackedJobs.size());
    return new RowCheck(rows, acked.size(), missing, unacknowledged, duplicates);
  }

  /** Returns whether every acknowledged result is stored exactly once, and nothing else. */
  boolean exact() {
    return rows == acks && missing == 0 && unacknowledged == 0 && duplicates == 0;
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", rows);
    m.put("acks", acks);
    m.put("missing", missing);
    m.put("unacknowledged_rows", unacknowledged);
    m.put("duplicates", duplicates);
    m.put("exact", exact());
    return m;
  }
}
