package dev.latlab.collector.store;

/** What {@link Store#storeResult} did. */
public enum StoreOutcome {
  /** The result is now stored. */
  STORED,
  /** The job already had a result; nothing was written. */
  DUPLICATE
}
