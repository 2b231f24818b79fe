package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import dev.latlab.predictor.gcn.GcnOptions;
import dev.latlab.predictor.gcn.GcnRegressor;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The unary baseline of BRP-NAS (strategy {@code gcn}): a regression GCN on the queried cells'
 * accuracies (z-scored), ranking candidates by predicted accuracy. It sees the same data and
 * options as {@link BinaryRelationRanker}; only the head and loss differ.
 */
final class RegressionRanker implements AccuracyRanker {
  private final GcnOptions options;
  private GcnRegressor regressor;

  RegressionRanker(GcnOptions options) {
    this.options = options;
  }

  @Override
  public void fit(List<Arch> queried, double[] accuracy, long seed) {
    double mean = java.util.Arrays.stream(accuracy).average().orElse(0);
    double sd = Math.sqrt(java.util.Arrays.stream(accuracy)
        .map(a -> (a - mean) * (a - mean)).average().orElse(0));
    float[] y = new float[accuracy.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) ((accuracy[i] - mean) / Math.max(sd, 1e-9));
    }
    regressor = GcnRegressor.train(BinaryRelationRanker.Encodings.of(queried), y, List.of(),
        new float[0], options, seed, null, dev.latlab.predictor.gcn.TrainingListener.NONE);
  }

  @Override
  public int[] rank(List<Arch> candidates) {
    if (regressor == null) {
      throw new IllegalStateException("rank before fit");
    }
    float[] predicted = regressor.predict(BinaryRelationRanker.Encodings.of(candidates));
    return IntStream.range(0, candidates.size()).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -predicted[i]))
        .mapToInt(Integer::intValue).toArray();
  }
}
