package dev.latlab.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hot and large queries use their indices and need no sort. */
class SqliteSchemaTest {
  @TempDir Path dir;

  private List<String> plan(String sql) throws SQLException {
    Path file = dir.resolve("plan.db");
    SqliteStore.open(file).close();
    List<String> steps = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN " + sql.replace("?", "'x'"))) {
      while (rs.next()) {
        steps.add(rs.getString("detail"));
      }
    }
    return steps;
  }

  @Test
  void openJobs_usesCampaignStateIndex_withoutSort() throws SQLException {
    List<String> plan = plan(ReadQueries.OPEN_JOBS);

    assertThat(plan).anyMatch(step -> step.contains("jobs_by_campaign_state"));
    assertThat(plan).noneMatch(step -> step.contains("TEMP B-TREE"));
  }

  @Test
  void counts_usesCoveringIndex() throws SQLException {
    assertThat(plan(ReadQueries.COUNTS))
        .containsExactly("SEARCH jobs USING COVERING INDEX jobs_by_campaign_state (campaign_id=?)");
  }

  @Test
  void resultsOfTarget_usesTargetIndex_withoutSort() throws SQLException {
    List<String> plan = plan(ReadQueries.RESULTS);

    assertThat(plan).anyMatch(step -> step.contains("results_by_target"));
    assertThat(plan).noneMatch(step -> step.contains("TEMP B-TREE"));
  }
}
