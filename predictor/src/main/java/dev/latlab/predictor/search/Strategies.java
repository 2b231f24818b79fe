package dev.latlab.predictor.search;

import dev.latlab.predictor.gcn.GcnOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The strategies by name: a fresh instance per run. */
public final class Strategies {
  /** Iterative data selection strategies by name, with the accuracy ranker each one trains. */
  private static final Map<String, Supplier<AccuracyRanker>> RANKED = rankers();

  private Strategies() {}

  /**
   * Returns the names of the strategies that can run.
   *
   * @return e.g. {@code random, rea, ridge}
   */
  public static List<String> available() {
    List<String> names = new ArrayList<>(List.of("random", "rea"));
    names.addAll(RANKED.keySet());
    return names;
  }

  /**
   * Creates a strategy for one run.
   *
   * @param name a name from {@link #available()}
   * @param options the strategies' settings
   * @return a fresh strategy
   * @throws SearchInputException for an unknown or unavailable name
   */
  public static SearchStrategy create(String name, StrategyOptions options) {
    switch (name) {
      case "random":
        return new RandomSearch();
      case "rea":
        return new RegularizedEvolution(options.population(), options.sample());
      default:
        break;
    }
    Supplier<AccuracyRanker> ranker = RANKED.get(name);
    if (ranker != null) {
      return new IterativeSelection(ranker.get(), options.batch(), options.alpha());
    }
    throw new SearchInputException("unknown strategy '" + name + "' (available: "
        + String.join(", ", available()) + ")");
  }

  /**
   * Checks a name without creating anything.
   *
   * @param name the strategy's name
   * @throws SearchInputException for an unknown or unavailable name
   */
  public static void check(String name) {
    create(name, StrategyOptions.defaults());
  }

  private static Map<String, Supplier<AccuracyRanker>> rankers() {
    Map<String, Supplier<AccuracyRanker>> rankers = new LinkedHashMap<>();
    rankers.put("brp", () -> new BinaryRelationRanker(GcnOptions.binaryRelationDefaults()));
    rankers.put("gcn", () -> new RegressionRanker(GcnOptions.binaryRelationDefaults()));
    rankers.put("ridge", RidgeRanker::new);
    return Collections.unmodifiableMap(rankers);
  }
}
