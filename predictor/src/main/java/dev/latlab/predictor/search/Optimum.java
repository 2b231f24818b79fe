package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;

/**
 * The best answer a search could give, computed from complete tables: the best report metric
 * among the candidates (cells with a query metric) that meet the limit on the device table.
 */
public final class Optimum {
  private Optimum() {}

  /**
   * Returns the best report metric among candidates meeting the limit.
   *
   * @param accuracy the query metric (defines the candidates)
   * @param report the report metric
   * @param latency the device table, or null for no limit
   * @param limitMs the limit, ignored without a table
   * @return the optimum, or NaN if no candidate meets the limit
   */
  public static double of(ArchValues accuracy, ArchValues report, ArchValues latency,
      double limitMs) {
    Arch best = best(accuracy, report, latency, limitMs);
    return best == null ? Double.NaN : report.get(best);
  }

  /**
   * Returns the candidate with the best report metric meeting the limit.
   *
   * @param accuracy the query metric (defines the candidates)
   * @param report the report metric
   * @param latency the device table, or null for no limit
   * @param limitMs the limit, ignored without a table
   * @return the cell, or null if no candidate meets the limit
   */
  public static Arch best(ArchValues accuracy, ArchValues report, ArchValues latency,
      double limitMs) {
    Arch best = null;
    for (Arch a : Arch.all()) {
      boolean meets = latency == null || latency.get(a) <= limitMs;
      if (accuracy.has(a) && report.has(a) && meets
          && (best == null || report.get(a) > report.get(best))) {
        best = a;
      }
    }
    return best;
  }
}
