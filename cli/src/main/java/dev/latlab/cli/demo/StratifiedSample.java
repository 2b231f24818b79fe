package dev.latlab.cli.demo;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.CostModel;
import dev.latlab.nb201.NetworkSpec;
import dev.latlab.nb201.SearchSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A sample of compute classes spread over the FLOPs range: the non-degenerate representatives sorted
 * by CIFAR-10 FLOPs are cut into {@code n} strata of (nearly) equal size and one cell is drawn from
 * each with the seed. A small sample then still spans the fastest to the slowest networks.
 */
final class StratifiedSample {
  private StratifiedSample() {}

  static List<Arch> byFlops(int n, long seed) {
    List<Arch> pool = new ArrayList<>(SearchSpace.computeClassRepresentatives().stream()
        .filter(a -> !SearchSpace.isDegenerate(a)).toList());
    if (n < 1 || n > pool.size()) {
      throw new IllegalArgumentException("sample size must be 1.." + pool.size() + ": " + n);
    }
    pool.sort(Comparator.comparingLong(a -> CostModel.of(a, NetworkSpec.CIFAR10).flops()));
    SplittableRandom random = new SplittableRandom(seed);
    List<Arch> sample = new ArrayList<>(n);
    for (int s = 0; s < n; s++) {
      int from = (int) ((long) s * pool.size() / n);
      int to = (int) ((long) (s + 1) * pool.size() / n);
      sample.add(pool.get(from + random.nextInt(to - from)));
    }
    return sample;
  }
}
