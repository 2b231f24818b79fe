package dev.latlab.cli.collector;

import dev.latlab.cli.UserException;
import dev.latlab.collector.CollectorServer;
import dev.latlab.collector.CollectorServerBuilder;
import dev.latlab.collector.store.SqliteStore;
import dev.latlab.collector.store.Store;
import dev.latlab.collector.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

/** A collector on a SQLite file, owned by this process: the store closes after the server. */
public final class LocalCollector implements AutoCloseable {
  private final SqliteStore store;
  private final CollectorServer server;

  private LocalCollector(SqliteStore store, CollectorServer server) {
    this.store = store;
    this.server = server;
  }

  /**
   * Opens the database and starts the server.
   *
   * @param db the SQLite file (created if missing)
   * @param configure further server settings (port, token, TLS, ...)
   * @return the running collector
   * @throws UserException if the database cannot be opened or the port cannot be bound
   */
  public static LocalCollector start(Path db, Consumer<CollectorServerBuilder> configure) {
    return start(db, store -> store, configure);
  }

  /**
   * Opens the database and starts the server on a wrapper of the store (the benchmark meters it).
   *
   * @param db the SQLite file (created if missing)
   * @param wrap returns the store the server uses, given the opened SQLite store
   * @param configure further server settings (port, token, TLS, ...)
   * @return the running collector; closing it closes the SQLite store
   * @throws UserException if the database cannot be opened or the port cannot be bound
   */
  static LocalCollector start(Path db, Function<SqliteStore, Store> wrap,
      Consumer<CollectorServerBuilder> configure) {
    SqliteStore store;
    try {
      store = SqliteStore.open(db);
    } catch (StoreException | IllegalStateException e) {
      throw new UserException("cannot open database " + db + ": " + e.getMessage(), e);
    }
    try {
      CollectorServerBuilder builder = CollectorServer.builder().store(wrap.apply(store));
      configure.accept(builder);
      return new LocalCollector(store, builder.build().start());
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      store.close();
      throw new UserException("cannot start the collector: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the port the server listens on.
   *
   * @return the port
   */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      store.close();
    }
  }
}
