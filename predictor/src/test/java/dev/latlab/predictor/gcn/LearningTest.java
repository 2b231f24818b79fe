package dev.latlab.predictor.gcn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.nb201.graph.GcnEncoding;
import dev.latlab.stats.RankCorrelation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The models learn real NB201 data. The thresholds leave a margin below what data seeds 1 to 6
 * ({@code -Dlatlab.test.seed=N}) gave: regressor 0.968 to 0.988, binary relation 0.847 to 0.920.
 */
class LearningTest {
  private static final long DATA_SEED = Long.getLong("latlab.test.seed", 1);

  private static double[] toDouble(float[] xs) {
    double[] out = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = xs[i];
    }
    return out;
  }

  @Test
  void regressor_300LatBenchCells_ranksHeldOutCells() {
    // 250 training + 50 validation cells, log-latency z-scored; a small, fast configuration.
    Nb201Data data = Nb201Data.read("latbench_dev.csv",
        "latbench_mobile_cpu_snapdragon_855_kryo_485_int8_ms");
    int[] rows = data.shuffled(DATA_SEED);
    float[][] y = Nb201Data.logZScore(data.values(rows, 0, 250), data.values(rows, 250, 300),
        data.values(rows, 300, 1300));
    GcnOptions options = GcnOptions.latencyDefaults().withHidden(64).withEpochs(60)
        .withLearningRate(2e-3).withBatchSize(16);
    GcnRegressor model = GcnRegressor.train(data.encodings(rows, 0, 250), y[0],
        data.encodings(rows, 250, 300), y[1], options, 5, null, TrainingListener.NONE);
    double rho = RankCorrelation.spearman(
        toDouble(model.predict(data.encodings(rows, 300, 1300))), toDouble(y[2]));
    System.out.println("regressor held-out spearman " + rho + " epochs " + model.epochsRun());
    assertThat(rho).isGreaterThan(0.95);
  }

  @Test
  void binaryRelation_100Cifar100Cells_ranksHeldOutCells() {
    // The search's defaults, as one search iteration with 100 queried cells would train them.
    Nb201Data data = Nb201Data.read("nb201_accuracy.csv", "cifar100_test_acc");
    int[] rows = data.shuffled(DATA_SEED);
    BinaryRelationPredictor model = BinaryRelationPredictor.train(data.encodings(rows, 0, 100),
        data.values(rows, 0, 100), GcnOptions.binaryRelationDefaults(), 5, null);
    List<GcnEncoding> heldOut = data.encodings(rows, 100, 1100);
    double rho = RankCorrelation.spearman(model.scores(heldOut), data.values(rows, 100, 1100));
    System.out.println("binary held-out spearman " + rho + " epochs " + model.epochsRun());
    assertThat(rho).isGreaterThan(0.75);
  }
}
