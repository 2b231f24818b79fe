package dev.latlab.predictor.gcn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.graph.GcnEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Same data, options and seed give bit-identical models, whatever the thread count. */
class DeterminismTest {
  private static final List<GcnEncoding> CELLS = new ArrayList<>();
  private static final float[] TARGETS = new float[80];

  static {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < TARGETS.length; i++) {
      Arch arch = Arch.fromIndex(random.nextInt(Arch.COUNT));
      CELLS.add(GcnEncoding.of(arch));
      TARGETS[i] = java.util.Arrays.stream(arch.ops()).mapToInt(op -> op.id()).sum() / 5f - 1;
    }
  }

  private static final GcnOptions SMALL = GcnOptions.latencyDefaults().withHidden(40)
      .withLayers(3).withEpochs(4).withBatchSize(12).withDropout(0.1).withRankLossWeight(0.5);

  private static GcnRegressor train(GcnOptions options, long seed) {
    return GcnRegressor.train(CELLS.subList(0, 60), java.util.Arrays.copyOf(TARGETS, 60),
        CELLS.subList(60, 80), java.util.Arrays.copyOfRange(TARGETS, 60, 80), options, seed,
        null, TrainingListener.NONE);
  }

  @Test
  void regressor_sameSeedTwice_identicalWeightsAndPredictions() {
    GcnRegressor a = train(SMALL.withThreads(2), 42);
    GcnRegressor b = train(SMALL.withThreads(2), 42);
    assertThat(b.weights().tensors()).isEqualTo(a.weights().tensors());
    assertThat(b.predict(CELLS)).isEqualTo(a.predict(CELLS));
  }

  @Test
  void regressor_oneVersusThreeThreads_identical() {
    GcnRegressor one = train(SMALL.withThreads(1), 42);
    GcnRegressor three = train(SMALL.withThreads(3), 42);
    assertThat(three.weights().tensors()).isEqualTo(one.weights().tensors());
    assertThat(three.predict(CELLS)).isEqualTo(one.predict(CELLS));
  }

  @Test
  void regressor_otherSeed_differs() {
    assertThat(train(SMALL, 43).predict(CELLS)).isNotEqualTo(train(SMALL, 42).predict(CELLS));
  }

  @Test
  void binaryRelation_oneVersusTwoThreads_identical() {
    double[] quality = new double[40];
    for (int i = 0; i < quality.length; i++) {
      quality[i] = TARGETS[i];
    }
    GcnOptions options = GcnOptions.binaryRelationDefaults().withHidden(24).withEpochs(3);
    BinaryRelationPredictor one = BinaryRelationPredictor.train(CELLS.subList(0, 40), quality,
        options.withThreads(1), 7, null);
    BinaryRelationPredictor two = BinaryRelationPredictor.train(CELLS.subList(0, 40), quality,
        options.withThreads(2), 7, null);
    assertThat(two.weights().tensors()).isEqualTo(one.weights().tensors());
    assertThat(two.scores(CELLS)).isEqualTo(one.scores(CELLS));
  }
}
