package dev.latlab.predictor.search;

/** Follows a search as it runs, e.g. for a progress bar. Called on the search's thread. */
@FunctionalInterface
public interface SearchListener {
  /** A listener that ignores everything. */
  SearchListener NONE = event -> {};

  /**
   * Called after each query or measurement.
   *
   * @param event what happened
   */
  void onEvent(TraceEvent event);
}
