package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.Op;
import dev.latlab.predictor.linalg.Ridge;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A simple, honest accuracy predictor: ridge regression (lambda 1) of the query metric on the op
 * of each edge (one-hot, 6 x 5) and the counts of active ops (see {@link ActiveOps}). Strategy
 * {@code ridge}: the BRP-NAS iterative data selection loop with this model in place of the GCN.
 */
final class RidgeRanker implements AccuracyRanker {
  private static final double LAMBDA = 1.0;
  private static final int OPS = Op.values().length;

  private double[] weights;

  @Override
  public void fit(List<Arch> queried, double[] accuracy, long seed) {
    double[][] x = queried.stream().map(RidgeRanker::features).toArray(double[][]::new);
    weights = Ridge.fit(x, accuracy, LAMBDA);
  }

  @Override
  public int[] rank(List<Arch> candidates) {
    if (weights == null) {
      throw new IllegalStateException("rank before fit");
    }
    double[] predicted = candidates.stream()
        .mapToDouble(a -> Ridge.predict(weights, features(a))).toArray();
    return IntStream.range(0, candidates.size()).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -predicted[i]))
        .mapToInt(Integer::intValue).toArray();
  }

  private static double[] features(Arch arch) {
    double[] f = new double[Arch.EDGES * OPS + OPS];
    Op[] active = ActiveOps.of(arch);
    for (int e = 0; e < Arch.EDGES; e++) {
      f[e * OPS + arch.op(e).id()] = 1;
      f[Arch.EDGES * OPS + (active[e] == null ? Op.NONE : active[e]).id()] += 1;
    }
    return f;
  }
}
