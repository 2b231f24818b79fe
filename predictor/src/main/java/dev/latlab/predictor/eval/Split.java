package dev.latlab.predictor.eval;

import dev.latlab.predictor.data.LatencyData;
import dev.latlab.predictor.latency.FewShotSelection;
import java.util.Arrays;
import java.util.Random;

/**
 * A random train / validation / test split of one device's data, reproducible from the seed: the
 * cells are shuffled, the first {@code train} train, the next {@code valid} validate and all the
 * rest test. Every model of an evaluation sees the same split.
 *
 * @param train the training cells
 * @param valid the validation cells (early stopping and learning-rate schedule)
 * @param test every remaining cell with a value
 */
public record Split(LatencyData train, LatencyData valid, LatencyData test) {
  /**
   * Splits a dataset.
   *
   * @param data the device's data
   * @param train training cells, at least 1
   * @param valid validation cells, at least 0
   * @param seed shuffles the cells
   * @return the split
   * @throws IllegalArgumentException if fewer than one cell would be left to test
   */
  public static Split of(LatencyData data, int train, int valid, long seed) {
    checkSizes(data, train, valid);
    int[] order = shuffled(data.size(), seed);
    return new Split(data.subset(Arrays.copyOfRange(order, 0, train)),
        data.subset(Arrays.copyOfRange(order, train, train + valid)),
        data.subset(Arrays.copyOfRange(order, train + valid, order.length)));
  }

  /**
   * Splits a dataset for few-shot transfer: the training cells are the K cells {@link
   * FewShotSelection} picks (spread in FLOPs and op mix), the validation cells random among the
   * rest, and every other cell tests.
   *
   * @param data the new device's data
   * @param k cells to train on
   * @param valid validation cells (0 for a true few-shot setting)
   * @param seed drives the selection and the shuffle
   * @return the split
   * @throws IllegalArgumentException if fewer than one cell would be left to test
   */
  public static Split fewShot(LatencyData data, int k, int valid, long seed) {
    checkSizes(data, k, valid);
    int[] picks = FewShotSelection.select(data.archs(), k, seed);
    boolean[] taken = new boolean[data.size()];
    for (int p : picks) {
      taken[p] = true;
    }
    int[] rest = java.util.stream.IntStream.of(shuffled(data.size(), seed))
        .filter(p -> !taken[p]).toArray();
    return new Split(data.subset(picks), data.subset(Arrays.copyOfRange(rest, 0, valid)),
        data.subset(Arrays.copyOfRange(rest, valid, rest.length)));
  }

  private static void checkSizes(LatencyData data, int train, int valid) {
    if (train < 1 || valid < 0) {
      throw new IllegalArgumentException("need --train >= 1 and --valid >= 0");
    }
    if (train + valid >= data.size()) {
      throw new IllegalArgumentException(String.format("%s has %d cells with a value: --train %d "
          + "plus --valid %d leaves none to test", data.name(), data.size(), train, valid));
    }
  }

  /** Fisher-Yates with java.util.Random: stable across JVMs, so a seed names one split forever. */
  static int[] shuffled(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
