package dev.latlab.collector.store;

import java.util.List;

/** The DDL of each schema version. Only {@link Migrations} uses it. */
final class SqliteSchema {
  /** Keeps one row per applied migration step; the highest version is the schema's. */
  static final String CREATE_VERSION_TABLE =
      """
      CREATE TABLE IF NOT EXISTS schema_version (
        version INTEGER PRIMARY KEY,
        description TEXT NOT NULL,
        applied_at INTEGER NOT NULL
      )""";

  /*
   * Why every ordered table has "seq INTEGER PRIMARY KEY" and its natural id as UNIQUE: the order
   * of creation (campaigns newest first, jobs in creation order, results in storing order) must be
   * stable, and VACUUM may renumber an implicit rowid but never an INTEGER PRIMARY KEY. A TEXT
   * primary key would be a separate unique index anyway, so this costs nothing extra.
   */
  private static final String CAMPAIGNS =
      """
      CREATE TABLE campaigns (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        target TEXT NOT NULL,
        selection TEXT NOT NULL,
        cells INTEGER NOT NULL,
        repeats INTEGER NOT NULL,
        protocol BLOB NOT NULL,
        network BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        label TEXT NOT NULL
      )""";

  private static final String JOBS =
      """
      CREATE TABLE jobs (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        campaign_id TEXT NOT NULL REFERENCES campaigns (id),
        arch_index INTEGER NOT NULL,
        repeat INTEGER NOT NULL,
        attempts INTEGER NOT NULL,
        leased_to TEXT,
        state TEXT NOT NULL CHECK (state IN ('OPEN', 'DONE', 'FAILED')),
        failure_reason TEXT
      )""";

  /*
   * One index serves both "counts per campaign by state" (covering) and "open jobs in order": its
   * entries end with the rowid (seq), so (campaign_id = ?, state = 'OPEN') yields jobs in creation
   * order without a sort. A second, partial index would only slow every state change down.
   */
  private static final String JOBS_BY_CAMPAIGN_STATE =
      "CREATE INDEX jobs_by_campaign_state ON jobs (campaign_id, state)";

  private static final String RESULTS =
      """
      CREATE TABLE results (
        seq INTEGER PRIMARY KEY,
        job_id TEXT NOT NULL UNIQUE REFERENCES jobs (id),
        attempt INTEGER NOT NULL,
        campaign_id TEXT NOT NULL REFERENCES campaigns (id),
        target TEXT NOT NULL,
        agent_id TEXT NOT NULL,
        arch_index INTEGER NOT NULL,
        latency_ms REAL NOT NULL,
        result BLOB NOT NULL,
        stored_at INTEGER NOT NULL
      )""";

  private static final String RESULTS_BY_TARGET =
      "CREATE INDEX results_by_target ON results (target)";
  private static final String RESULTS_BY_AGENT =
      "CREATE INDEX results_by_agent ON results (agent_id)";

  private static final String AGENTS =
      """
      CREATE TABLE agents (
        agent_id TEXT NOT NULL PRIMARY KEY,
        target TEXT NOT NULL,
        description BLOB NOT NULL,
        last_seen INTEGER NOT NULL
      )""";

  /** Version 1: the initial schema. */
  static final List<String> V1 =
      List.of(CAMPAIGNS, JOBS, JOBS_BY_CAMPAIGN_STATE, RESULTS, RESULTS_BY_TARGET,
          RESULTS_BY_AGENT, AGENTS);

  private SqliteSchema() {}
}
