package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import java.util.Arrays;

/**
 * An estimator's predictions, computed once per cell and fit: screening asks for the same cells
 * again and again, and a GCN predictor is not free.
 */
final class EstimateCache {
  private final LatencyEstimator estimator;
  private final double[] byIndex = new double[Arch.COUNT];

  EstimateCache(LatencyEstimator estimator) {
    this.estimator = estimator;
    invalidate();
  }

  double get(Arch arch) {
    int i = arch.index();
    if (Double.isNaN(byIndex[i])) {
      byIndex[i] = estimator.predictMs(arch);
    }
    return byIndex[i];
  }

  /** Forgets every prediction: the estimator was refitted. */
  void invalidate() {
    Arrays.fill(byIndex, Double.NaN);
  }

  LatencyEstimator estimator() {
    return estimator;
  }
}
