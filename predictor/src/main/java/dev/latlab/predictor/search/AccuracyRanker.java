package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import java.util.List;

/**
 * An accuracy predictor that orders cells: trained on the cells queried so far, it ranks the
 * candidates. The binary relation GCN of BRP-NAS ({@code brp}), a regression GCN ({@code gcn}) and
 * ridge regression ({@code ridge}) implement it. One instance per run; {@link #fit} may be called
 * again with more data (an implementation may warm-start from its previous fit).
 */
public interface AccuracyRanker {
  /**
   * Trains on the queried cells.
   *
   * @param queried the cells queried so far
   * @param accuracy their query metric, in the same order
   * @param seed seeds the training
   */
  void fit(List<Arch> queried, double[] accuracy, long seed);

  /**
   * Ranks candidates by predicted accuracy.
   *
   * @param candidates the cells to rank
   * @return indices into {@code candidates}, best first, each index once
   */
  int[] rank(List<Arch> candidates);
}
