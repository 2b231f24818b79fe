package dev.latlab.predictor.search;

/**
 * A way to spend a budget of accuracy queries. A strategy is used for one run: it may keep state
 * (a population, a trained predictor) in fields.
 */
public interface SearchStrategy {
  /**
   * Runs until the budget is spent or the strategy has nothing left to query.
   *
   * @param context the run: queries, candidates, randomness
   */
  void run(SearchContext context);
}
