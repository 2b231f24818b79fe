package dev.latlab.predictor.search;

/**
 * Settings of the strategies. Immutable.
 *
 * @param population REA population size
 * @param sample REA tournament size
 * @param batch queries per iteration of the iterative data selection ({@code brp}, {@code gcn},
 *     {@code ridge})
 * @param alpha share of predicted-best picks per iteration, the rest are random
 */
public record StrategyOptions(int population, int sample, int batch, double alpha) {
  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public StrategyOptions {
    if (population < 1 || sample < 1 || batch < 1) {
      throw new IllegalArgumentException("population, sample and batch must be >= 1");
    }
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be 0..1: " + alpha);
    }
  }

  /**
   * Returns the defaults: REA population 10 and tournament 3 (NB201's REA), 10 queries per
   * iteration and alpha 0.5 (BRP-NAS).
   *
   * @return the defaults
   */
  public static StrategyOptions defaults() {
    return new StrategyOptions(RegularizedEvolution.DEFAULT_POPULATION,
        RegularizedEvolution.DEFAULT_SAMPLE, IterativeSelection.DEFAULT_BATCH,
        IterativeSelection.DEFAULT_ALPHA);
  }
}
