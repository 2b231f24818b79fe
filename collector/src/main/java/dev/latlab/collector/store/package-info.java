/**
 * The collector's storage. {@link dev.latlab.collector.store.Store} is the narrow interface the
 * services use; {@link dev.latlab.collector.store.SqliteStore} implements it on one SQLite file in
 * WAL mode, with versioned schema migrations and a single writer thread that group-commits writes.
 * Everything else in the package is package-private.
 */
package dev.latlab.collector.store;
