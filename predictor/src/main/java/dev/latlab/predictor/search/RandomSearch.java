package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;

/** Random search: query allowed cells uniformly at random, without repetition. */
final class RandomSearch implements SearchStrategy {
  @Override
  public void run(SearchContext context) {
    while (!context.exhausted()) {
      Arch next = context.randomOpenCandidate();
      if (next == null) {
        return;
      }
      context.query(next);
    }
  }
}
