package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import java.util.List;

/**
 * A latency model that the search screens candidates with and refits after every measurement.
 * Implementations are reproducible: the same data and seed give the same model.
 */
public interface LatencyEstimator {
  /**
   * Fits the model to the cells measured so far, replacing any earlier fit.
   *
   * @param archs the measured cells
   * @param ms their latencies in milliseconds, in the same order
   * @param seed seeds any randomness of training
   */
  void fit(List<Arch> archs, double[] ms, long seed);

  /**
   * Predicts a cell's latency.
   *
   * @param arch the cell
   * @return milliseconds
   * @throws IllegalStateException if the model needs a fit and has none
   */
  double predictMs(Arch arch);
}
