package dev.latlab.collector.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Versioned schema migrations. Steps are numbered 1..n; each missing one is applied at open in its
 * own transaction together with its {@code schema_version} row, so a crash leaves the database at
 * the previous version, never half-way. Steps are append-only: never edit a released one.
 */
final class Migrations {
  private static final Logger logger = Logger.getLogger(Migrations.class.getName());

  private static final String CURRENT_VERSION =
      "SELECT COALESCE(MAX(version), 0) FROM schema_version";
  private static final String INSERT_VERSION =
      "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)";

  /** One migration step. */
  record Step(int version, String description, List<String> statements) {
    Step {
      statements = List.copyOf(statements);
    }
  }

  /** The steps of this collector, oldest first. */
  static final Migrations CURRENT =
      new Migrations(List.of(new Step(1, "initial schema", SqliteSchema.V1)));

  private final List<Step> steps;

  Migrations(List<Step> steps) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).version() != i + 1) {
        throw new IllegalArgumentException("migration steps must be numbered 1..n: step " + i
            + " has version " + steps.get(i).version());
      }
    }
    this.steps = List.copyOf(steps);
  }

  /** Returns the version the steps lead to. */
  int latestVersion() {
    return steps.size();
  }

  /**
   * Brings the database at {@code db} to {@link #latestVersion()}.
   *
   * @throws IllegalStateException if the database has a newer schema than these steps know
   */
  void migrate(StatementCache db, Path file) throws SQLException {
    db.executeOnce(SqliteSchema.CREATE_VERSION_TABLE);
    refuseNewer(currentVersion(db), file);
    for (Step step : steps) {
      apply(db, step, file);
    }
  }

  /** Returns the database's schema version, 0 for an empty one. */
  static int currentVersion(StatementCache db) throws SQLException {
    try (ResultSet rs = db.prepare(CURRENT_VERSION).executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private void refuseNewer(int current, Path file) {
    if (current > latestVersion()) {
      throw new IllegalStateException("SQLite store " + file + " has schema version " + current
          + ", newer than version " + latestVersion() + " known to this collector;"
          + " use a newer collector or another file");
    }
  }

  private void apply(StatementCache db, Step step, Path file) throws SQLException {
    db.execute("BEGIN IMMEDIATE");
    try {
      // Re-read under the write lock: another process may have migrated since the first read.
      int current = currentVersion(db);
      refuseNewer(current, file);
      if (current < step.version()) {
        for (String sql : step.statements()) {
          db.executeOnce(sql);
        }
        db.bind(INSERT_VERSION, step.version(), step.description(), System.currentTimeMillis())
            .executeUpdate();
        logger.info("Migrated " + file + " to schema version " + step.version() + " ("
            + step.description() + ")");
      }
      db.execute("COMMIT");
    } catch (SQLException | RuntimeException e) {
      rollback(db, e);
      throw e;
    }
  }

  private static void rollback(StatementCache db, Exception cause) {
    try {
      db.execute("ROLLBACK");
    } catch (SQLException e) {
      cause.addSuppressed(e);
      logger.log(Level.FINE, "Rollback of a migration failed", e);
    }
  }
}
