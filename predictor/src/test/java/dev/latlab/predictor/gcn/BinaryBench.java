package dev.latlab.predictor.gcn;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.graph.GcnEncoding;
import dev.latlab.stats.RankCorrelation;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-run bench (not a test): trains the binary relation predictor on {@code n} random NB201
 * cells, as one iteration of a search would, and ranks 2000 held-out cells. Arguments: {@code [n]
 * [hidden] [epochs] [lr] [batch] [seeds] [column] [threads]}; {@code -} keeps the default. Prints,
 * per seed, training time (wall and process CPU), epochs run, the held-out Spearman correlation
 * and the time to rank all 15625 cells.
 */
public final class BinaryBench {
  private BinaryBench() {}

  /**
   * Runs the bench.
   *
   * @param args see the class comment
   */
  public static void main(String[] args) {
    GcnOptions o = GcnOptions.binaryRelationDefaults();
    int n = Integer.parseInt(arg(args, 0, "100"));
    o = o.withHidden(Integer.parseInt(arg(args, 1, "" + o.hidden())))
        .withEpochs(Integer.parseInt(arg(args, 2, "" + o.epochs())))
        .withLearningRate(Double.parseDouble(arg(args, 3, "" + o.learningRate())))
        .withBatchSize(Integer.parseInt(arg(args, 4, "" + o.batchSize())))
        .withThreads(Integer.parseInt(arg(args, 7, "" + o.threads())));
    int seeds = Integer.parseInt(arg(args, 5, "3"));
    String column = arg(args, 6, "cifar100_test_acc");
    System.out.println("options " + o);
    Nb201Data data = Nb201Data.read("nb201_accuracy.csv", column);
    List<GcnEncoding> all = new ArrayList<>();
    for (int i = 0; i < Arch.COUNT; i++) {
      all.add(GcnEncoding.of(Arch.fromIndex(i)));
    }
    double total = 0;
    for (int seed = 1; seed <= seeds; seed++) {
      int[] rows = data.shuffled(seed);
      long t0 = System.nanoTime();
      long cpu0 = GcnBench.processCpuNanos();
      BinaryRelationPredictor model = BinaryRelationPredictor.train(data.encodings(rows, 0, n),
          data.values(rows, 0, n), o, seed, null);
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpu = (GcnBench.processCpuNanos() - cpu0) / 1e9;
      double rho = RankCorrelation.spearman(model.scores(data.encodings(rows, n, n + 2000)),
          data.values(rows, n, n + 2000));
      total += rho;
      System.out.printf("seed %d: %d epochs, %.2f s wall, %.2f s CPU, held-out spearman %.4f%n",
          seed, model.epochsRun(), seconds, cpu, rho);
      long t1 = System.nanoTime();
      int best = model.rank(all)[0];
      System.out.printf("rank all %d cells: %.2f s (best: index %d)%n", all.size(),
          (System.nanoTime() - t1) / 1e9, best);
    }
    System.out.printf("mean spearman %.4f%n", total / seeds);
  }

  private static String arg(String[] args, int i, String fallback) {
    return args.length > i && !args[i].equals("-") ? args[i] : fallback;
  }
}
