package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import dev.latlab.predictor.latency.LatencyPredictor;
import java.util.List;

/**
 * A trained latency predictor used as is ({@code --latency-model}): it has no measurements to learn
 * from, so fitting keeps it unchanged.
 */
public final class PredictorLatencyEstimator implements LatencyEstimator {
  private final LatencyPredictor predictor;

  /**
   * Wraps a predictor.
   *
   * @param predictor the trained predictor
   */
  public PredictorLatencyEstimator(LatencyPredictor predictor) {
    this.predictor = predictor;
  }

  @Override
  public void fit(List<Arch> archs, double[] ms, long seed) {
    // A trained model of the target stays as trained: there is no device to correct it with.
  }

  @Override
  public double predictMs(Arch arch) {
    return predictor.predictMs(arch);
  }
}
