package dev.latlab.collector.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/** Opens the store's two connections with their pragmas. */
final class SqliteConnections {
  /** How long a statement waits for another process's lock before failing. */
  static final int BUSY_TIMEOUT_MS = 10_000;

  private SqliteConnections() {}

  /**
   * Opens the writer's connection: WAL, {@code synchronous=FULL} (a result is acknowledged once its
   * commit returns, so the commit must survive power loss, not only a crash of the process) and
   * foreign keys enforced. It stays in auto-commit mode; the writer brackets its batches with
   * explicit {@code BEGIN IMMEDIATE}/{@code COMMIT}.
   */
  static Connection openWriter(Path file) throws SQLException {
    SQLiteConfig config = common();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    // Why: sqlite-jdbc would otherwise look up generated keys after inserts nobody reads.
    config.setGetGeneratedKeys(false);
    Connection connection = config.createConnection(url(file));
    try {
      requireWal(connection, file);
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /**
   * Opens a connection for reads only. In WAL mode it reads the last committed state without
   * blocking the writer or being blocked by it; {@code query_only} makes a stray write fail.
   */
  static Connection openReader(Path file) throws SQLException {
    Connection connection = common().createConnection(url(file));
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA query_only = ON");
      return connection;
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  private static SQLiteConfig common() {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    return config;
  }

  private static String url(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath();
  }

  /** Fails when the file system refused WAL (some network file systems do). */
  private static void requireWal(Connection connection, Path file) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA journal_mode")) {
      String mode = rs.next() ? rs.getString(1) : "unknown";
      if (!"wal".equalsIgnoreCase(mode)) {
        throw new StoreException(
            "SQLite refused journal_mode=WAL for " + file + " (it is " + mode + ")");
      }
    }
  }
}
