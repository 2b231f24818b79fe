package dev.latlab.predictor.latency;

import dev.latlab.nb201.Arch;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Chooses the K cells to measure on a new device for few-shot transfer, spread in FLOPs and in op
 * mix, deterministically from the seed. The candidates are sorted by FLOPs and cut into K strata of
 * equal size (so the picks cover the latency range, cheap to expensive); from each stratum, in
 * order, the pick is the candidate whose op counts are farthest from every cell picked so far
 * (max-min distance), so that each op type is seen in several mixes. The seed breaks ties and
 * picks the first cell; a random pick from a stratum would leave op mixes to chance.
 */
public final class FewShotSelection {
  private FewShotSelection() {}

  /**
   * Selects K cells.
   *
   * @param candidates cells that can be measured
   * @param k how many to pick, 1..candidates.size()
   * @param seed breaks ties
   * @return positions into {@code candidates}, in pick order
   * @throws IllegalArgumentException if k is out of range
   */
  public static int[] select(List<Arch> candidates, int k, long seed) {
    int n = candidates.size();
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("cannot pick " + k + " of " + n + " cells");
    }
    Random random = new Random(seed);
    double[] flops = new double[n];
    double[][] mix = new double[n][];
    double[] tieBreak = new double[n];
    for (int i = 0; i < n; i++) {
      Arch a = candidates.get(i);
      flops[i] = CellFeatures.flops(a);
      mix[i] = CellFeatures.opCounts(a);
      tieBreak[i] = random.nextDouble();
    }
    Integer[] byFlops = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(byFlops, Comparator.<Integer>comparingDouble(i -> flops[i])
        .thenComparingDouble(i -> tieBreak[i]));
    int[] picks = new int[k];
    double[] nearest = new double[n];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    int first = random.nextInt(k);
    for (int step = 0; step < k; step++) {
      int stratum = (first + step) % k;
      int from = (int) ((long) stratum * n / k);
      int to = (int) ((long) (stratum + 1) * n / k);
      int best = -1;
      for (int s = from; s < to; s++) {
        int c = byFlops[s];
        if (best < 0 || nearest[c] > nearest[best]
            || (nearest[c] == nearest[best] && tieBreak[c] > tieBreak[best])) {
          best = c;
        }
      }
      picks[step] = best;
      for (int c = 0; c < n; c++) {
        nearest[c] = Math.min(nearest[c], distance(mix[c], mix[best]));
      }
    }
    return picks;
  }

  private static double distance(double[] a, double[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return d;
  }
}
