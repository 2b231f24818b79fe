package dev.latlab.predictor.gcn;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.graph.GcnEncoding;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-run bench (not a test): the predictor work of a BRP-NAS-style search with budget 100 on
 * CIFAR-100 accuracy: 10 iterations, each retraining the binary relation predictor (defaults,
 * from scratch) on all cells queried so far, ranking all 15625 cells and querying the 10 best
 * not yet queried (the first iteration queries 10 random cells). Prints the time per iteration,
 * the total and the best accuracy found. Arguments: {@code [threads]}.
 */
public final class SearchLoopBench {
  private SearchLoopBench() {}

  /**
   * Runs the bench.
   *
   * @param args see the class comment
   */
  public static void main(String[] args) {
    GcnOptions o = GcnOptions.binaryRelationDefaults();
    if (args.length > 0) {
      o = o.withThreads(Integer.parseInt(args[0]));
    }
    Nb201Data data = Nb201Data.read("nb201_accuracy.csv", "cifar100_test_acc");
    int last = Arch.COUNT - 1;
    if (data.archs.size() != Arch.COUNT || data.archs.get(last).index() != last) {
      throw new IllegalStateException("expected one row per cell, in index order");
    }
    List<GcnEncoding> all = new ArrayList<>();
    for (int i = 0; i < Arch.COUNT; i++) {
      all.add(GcnEncoding.of(Arch.fromIndex(i)));
    }
    int[] random = data.shuffled(1);
    List<Integer> queried = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      queried.add(data.archs.get(random[i]).index());
    }
    long start = System.nanoTime();
    for (int iteration = 1; iteration <= 10; iteration++) {
      long t0 = System.nanoTime();
      List<GcnEncoding> cells = new ArrayList<>();
      double[] quality = new double[queried.size()];
      for (int i = 0; i < quality.length; i++) {
        cells.add(all.get(queried.get(i)));
        quality[i] = data.values[queried.get(i)];
      }
      BinaryRelationPredictor model =
          BinaryRelationPredictor.train(cells, quality, o, iteration, null);
      int[] order = model.rank(all);
      for (int i = 0, added = 0; iteration < 10 && added < 10; i++) {
        if (!queried.contains(order[i])) {
          queried.add(order[i]);
          added++;
        }
      }
      double best = queried.stream().mapToDouble(q -> data.values[q]).max().orElseThrow();
      System.out.printf("iteration %d: %d cells, %.2f s, best so far %.2f%n", iteration,
          cells.size(), (System.nanoTime() - t0) / 1e9, best);
    }
    System.out.printf("search: %.1f s%n", (System.nanoTime() - start) / 1e9);
  }
}
