package dev.latlab.collector.store;

import java.nio.file.Path;

/** The one place tests get a {@link Store} from: a real SQLite database in a fresh directory. */
public final class TestStores {
  private TestStores() {}

  /**
   * Returns an empty store.
   *
   * @param dir a fresh directory (a JUnit {@code @TempDir}) for the database file
   * @return the store; the caller closes it
   */
  public static Store create(Path dir) {
    return SqliteStore.open(dir.resolve("latlab.db"));
  }
}
