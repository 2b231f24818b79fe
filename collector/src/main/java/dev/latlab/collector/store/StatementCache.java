package dev.latlab.collector.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection and its prepared statements, each prepared once and reused (preparing costs about
 * as much as a small insert). Not thread-safe: the writer thread owns one, the readers share one
 * under a lock.
 */
final class StatementCache implements AutoCloseable {
  private static final Logger logger = Logger.getLogger(StatementCache.class.getName());

  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  StatementCache(Connection connection) {
    this.connection = connection;
  }

  /** Returns the cached statement for {@code sql}; callers bind every parameter, never close it. */
  PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  /** Runs a cached statement without parameters (BEGIN, COMMIT, ...). */
  void execute(String sql) throws SQLException {
    prepare(sql).execute();
  }

  /** Runs a one-off statement (DDL) without caching it. */
  void executeOnce(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Binds {@code args} to parameters 1..n of a cached statement and returns it. */
  PreparedStatement bind(String sql, Object... args) throws SQLException {
    PreparedStatement statement = prepare(sql);
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
    return statement;
  }

  /** Closes the statements, then the connection; failures are logged, not thrown. */
  @Override
  public void close() {
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        logger.log(Level.FINE, "Failed to close a statement", e);
      }
    }
    statements.clear();
    try {
      connection.close();
    } catch (SQLException e) {
      logger.log(Level.WARNING, "Failed to close a SQLite connection", e);
    }
  }
}
