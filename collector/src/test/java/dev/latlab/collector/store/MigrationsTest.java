package dev.latlab.collector.store;

import static dev.latlab.collector.store.Rows.executeFresh;
import static dev.latlab.collector.store.Rows.queryFresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
  private static final Migrations.Step V1 = new Migrations.Step(1, "initial", SqliteSchema.V1);

  @TempDir Path dir;

  private StatementCache writer(Path file) throws SQLException {
    return new StatementCache(SqliteConnections.openWriter(file));
  }

  private void migrate(Path file, Migrations migrations) throws SQLException {
    try (StatementCache db = writer(file)) {
      migrations.migrate(db, file);
    }
  }

  @Test
  void open_freshFile_hasCurrentVersionAndTables() {
    Path file = dir.resolve("fresh.db");
    SqliteStore.open(file).close();

    assertThat(queryFresh(file, "SELECT MAX(version) FROM schema_version"))
        .isEqualTo(String.valueOf(Migrations.CURRENT.latestVersion()));
    assertThat(queryFresh(file, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
        + " AND name IN ('campaigns', 'jobs', 'results', 'agents')")).isEqualTo("4");
  }

  @Test
  void open_twice_appliesNothingTheSecondTime() {
    Path file = dir.resolve("twice.db");
    SqliteStore.open(file).close();
    SqliteStore.open(file).close();

    assertThat(queryFresh(file, "SELECT COUNT(*) FROM schema_version")).isEqualTo("1");
  }

  @Test
  void migrate_newStep_appliedOnceAndRecorded() throws SQLException {
    Path file = dir.resolve("v2.db");
    migrate(file, new Migrations(List.of(V1)));
    Migrations.Step v2 = new Migrations.Step(2, "add notes",
        List.of("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"));

    migrate(file, new Migrations(List.of(V1, v2)));
    migrate(file, new Migrations(List.of(V1, v2)));

    assertThat(queryFresh(file, "SELECT group_concat(version || ':' || description, ',')"
        + " FROM schema_version")).isEqualTo("1:initial,2:add notes");
    assertThat(queryFresh(file, "SELECT COUNT(*) FROM notes")).isEqualTo("0");
  }

  @Test
  void migrate_failingStep_rolledBackWhole() throws SQLException {
    Path file = dir.resolve("broken.db");
    migrate(file, new Migrations(List.of(V1)));
    Migrations.Step broken = new Migrations.Step(2, "broken",
        List.of("CREATE TABLE half (id INTEGER)", "THIS IS NOT SQL"));

    assertThatThrownBy(() -> migrate(file, new Migrations(List.of(V1, broken))))
        .isInstanceOf(SQLException.class);

    assertThat(queryFresh(file, "SELECT MAX(version) FROM schema_version")).isEqualTo("1");
    assertThat(queryFresh(file, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'"))
        .isEqualTo("0");
  }

  @Test
  void open_newerSchemaVersion_refusedNamingBothVersions() {
    Path file = dir.resolve("newer.db");
    SqliteStore.open(file).close();
    executeFresh(file, "INSERT INTO schema_version VALUES (7, 'from the future', 0)");

    assertThatThrownBy(() -> SqliteStore.open(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("schema version 7")
        .hasMessageContaining("newer than version " + Migrations.CURRENT.latestVersion());
  }

  @Test
  void newMigrations_gapInVersions_throws() {
    Migrations.Step v3 = new Migrations.Step(3, "gap", List.of());

    assertThatThrownBy(() -> new Migrations(List.of(V1, v3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 3");
  }
}
