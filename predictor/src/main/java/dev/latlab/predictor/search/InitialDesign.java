package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.SearchSpace;
import dev.latlab.predictor.linalg.Matrices;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The first cells measured in a run, chosen so that a few measurements fit the latency estimator
 * well: a greedy D-optimal design for the op-count model ({@link OpCountLatencyEstimator}). From a
 * random pool of non-degenerate compute classes it repeatedly takes the cell with the highest
 * leverage {@code x' M^-1 x} under the information matrix {@code M} of the cells taken so far.
 *
 * <p>Why: cells spread over FLOPs alone can all be slow on a GPU, whose latency follows the number
 * of ops more than FLOPs; 8 cells drawn that way left the estimator unable to predict any cell
 * under the 25th percentile of the GTX 1080 Ti. Over the four LatBench devices, 8 D-optimal cells
 * give a Spearman rank correlation of 0.91 to 0.98 against 0.81 to 0.95 for 8 random cells.
 */
final class InitialDesign {
  private static final int POOL = 500;
  private static final double PRIOR = 1e-3;
  private static final List<Arch> CELLS = SearchSpace.computeClassRepresentatives().stream()
      .filter(a -> !SearchSpace.isDegenerate(a)).toList();

  private InitialDesign() {}

  static List<Arch> choose(int n, SplittableRandom random) {
    List<Arch> pool = pool(random);
    int d = OpCountLatencyEstimator.features(pool.get(0)).length + 1;
    double[][] info = new double[d][d];
    for (int i = 0; i < d; i++) {
      info[i][i] = PRIOR;
    }
    List<Arch> chosen = new ArrayList<>(n);
    for (int k = 0; k < n && !pool.isEmpty(); k++) {
      double[][] inverse = Matrices.inverse(info);
      int best = 0;
      double bestLeverage = -1;
      for (int i = 0; i < pool.size(); i++) {
        double leverage = Matrices.quadratic(inverse, row(pool.get(i)));
        if (leverage > bestLeverage) {
          best = i;
          bestLeverage = leverage;
        }
      }
      Arch cell = pool.remove(best);
      Matrices.addOuter(info, row(cell));
      chosen.add(cell);
    }
    return chosen;
  }

  private static List<Arch> pool(SplittableRandom random) {
    List<Arch> cells = new ArrayList<>(CELLS);
    // A partial Fisher-Yates shuffle: POOL distinct cells, uniformly.
    int n = Math.min(POOL, cells.size());
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(cells.size() - i);
      Arch tmp = cells.get(i);
      cells.set(i, cells.get(j));
      cells.set(j, tmp);
    }
    return new ArrayList<>(cells.subList(0, n));
  }

  /** The op-count features with the constant 1 appended. */
  private static double[] row(Arch arch) {
    double[] f = OpCountLatencyEstimator.features(arch);
    double[] row = new double[f.length + 1];
    System.arraycopy(f, 0, row, 0, f.length);
    row[f.length] = 1;
    return row;
  }
}
