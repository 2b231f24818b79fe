package dev.latlab.predictor.gcn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.graph.GcnEncoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contracts of the public models beyond learning: inference, ranking, reuse, bad input. */
class PredictorApiTest {
  private static final GcnOptions TINY_BINARY = GcnOptions.binaryRelationDefaults()
      .withHidden(16).withLayers(2).withEpochs(3).withThreads(1);
  private static final GcnOptions TINY_LATENCY = GcnOptions.latencyDefaults().withHidden(16)
      .withLayers(2).withEpochs(3).withThreads(1);

  private static List<GcnEncoding> cells(int from, int to) {
    List<GcnEncoding> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(GcnEncoding.of(Arch.fromIndex(i * 37 % Arch.COUNT)));
    }
    return out;
  }

  private static double[] ramp(int n) {
    double[] q = new double[n];
    for (int i = 0; i < n; i++) {
      q[i] = i % 7;
    }
    return q;
  }

  private static BinaryRelationPredictor binary() {
    return BinaryRelationPredictor.train(cells(0, 20), ramp(20), TINY_BINARY, 1, null);
  }

  @Test
  void rank_isDescendingScoreAndAgreesWithSymmetrisedProbability() {
    BinaryRelationPredictor p = binary();
    List<GcnEncoding> cells = cells(100, 140);
    int[] order = p.rank(cells);
    double[] score = p.scores(cells);
    assertThat(order).hasSize(40).doesNotHaveDuplicates();
    for (int i = 1; i < order.length; i++) {
      assertThat(score[order[i - 1]]).isGreaterThanOrEqualTo(score[order[i]]);
    }
    // The comparator is the predictor asked both ways: logit gap(a, b) - gap(b, a) = s(a) - s(b).
    GcnEncoding a = cells.get(order[0]);
    GcnEncoding b = cells.get(order[39]);
    double gapAb = logit(p.probFirstBetter(a, b));
    double gapBa = logit(p.probFirstBetter(b, a));
    assertThat(gapAb - gapBa).isCloseTo(score[order[0]] - score[order[39]], within(1e-4));
    assertThat(gapAb - gapBa).isPositive();
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  @Test
  void embed_duplicateEncodings_shareRows() {
    BinaryRelationPredictor p = binary();
    List<GcnEncoding> cells = new ArrayList<>(cells(0, 3));
    cells.add(GcnEncoding.of(Arch.fromIndex(0)));
    float[][] e = p.embed(cells);
    assertThat(e).hasNumberOfRows(4);
    assertThat(e[3]).isEqualTo(e[0]).hasSize(16);
    assertThat(e[1]).isNotEqualTo(e[0]);
  }

  @Test
  void of_savedWeights_reproducesPredictions() {
    GcnRegressor r = GcnRegressor.train(cells(0, 30), new float[30], cells(30, 35), new float[5],
        TINY_LATENCY, 3, null, TrainingListener.NONE);
    GcnRegressor back = GcnRegressor.of(GcnWeights.fromTensors(r.weights().tensors()),
        TINY_LATENCY.withThreads(2));
    assertThat(back.predict(cells(50, 90))).isEqualTo(r.predict(cells(50, 90)));
    assertThat(r.epochsRun()).isEqualTo(3);
    assertThat(back.epochsRun()).isZero();
  }

  @Test
  void train_fromInitialWeights_startsThere() {
    GcnRegressor first = GcnRegressor.train(cells(0, 30), new float[30], List.of(), new float[0],
        TINY_LATENCY, 3, null, TrainingListener.NONE);
    List<EpochReport> reports = new ArrayList<>();
    GcnRegressor tuned = GcnRegressor.train(cells(0, 30), new float[30], List.of(),
        new float[0], TINY_LATENCY.withEpochs(2), 4, first.weights(), reports::add);
    assertThat(reports).hasSize(2);
    assertThat(reports.get(0).epoch()).isEqualTo(1);
    assertThat(reports.get(0).learningRate()).isEqualTo(TINY_LATENCY.learningRate());
    // Already near the zero targets: fine-tuning starts from a low loss.
    assertThat(reports.get(0).trainLoss()).isLessThan(0.5);
    assertThat(tuned.weights().tensors()).isNotEqualTo(first.weights().tensors());
  }

  @Test
  void train_badInput_isRejectedWithReason() {
    assertThatThrownBy(() -> GcnRegressor.train(cells(0, 3), new float[2], List.of(),
        new float[0], TINY_LATENCY, 1, null, TrainingListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("training: 3 cells but 2 targets");
    assertThatThrownBy(() -> GcnRegressor.train(cells(0, 2), new float[] {0, Float.NaN},
        List.of(), new float[0], TINY_LATENCY, 1, null, TrainingListener.NONE))
        .hasMessage("training target 1 is NaN");
    assertThatThrownBy(() -> BinaryRelationPredictor.train(cells(0, 1), new double[1],
        TINY_BINARY, 1, null)).hasMessageContaining("at least 2 cells");
    assertThatThrownBy(() -> BinaryRelationPredictor.train(cells(0, 4), new double[4],
        TINY_BINARY.withBatchSize(1), 1, null)).hasMessageStartingWith("batchSize must be >= 2");
    GcnWeights regression = GcnRegressor.train(cells(0, 4), new float[4], List.of(),
        new float[0], TINY_LATENCY.withEpochs(1), 1, null, TrainingListener.NONE).weights();
    assertThatThrownBy(() -> BinaryRelationPredictor.train(cells(0, 4), new double[4],
        TINY_BINARY, 1, regression)).hasMessageContaining("weights are a REGRESSION 2x16 model");
    assertThatThrownBy(() -> GcnRegressor.of(regression, TINY_LATENCY.withHidden(17)))
        .hasMessageContaining("options ask for REGRESSION 2x17");
  }

  @Test
  void train_earlyStopping_endsBeforeEpochLimit() {
    // Zero targets are fitted at once; the loss then stops improving and patience 2 ends it.
    GcnRegressor r = GcnRegressor.train(cells(0, 20), new float[20], cells(20, 25),
        new float[5], TINY_LATENCY.withEpochs(200).withEsPatience(2).withLearningRate(1e-2), 1,
        null, TrainingListener.NONE);
    assertThat(r.epochsRun()).isGreaterThan(TrainingLoop.WARMUP_EPOCHS).isLessThan(200);
  }

  @Test
  void train_oddBatchEdges_run() {
    // 9 cells in batches of 8 leave one cell alone: it joins the previous batch.
    BinaryRelationPredictor odd = BinaryRelationPredictor.train(cells(0, 9), ramp(9),
        TINY_BINARY.withBatchSize(8).withEpochs(2), 1, null);
    assertThat(odd.epochsRun()).isEqualTo(2);
    // A batch larger than the data: every step sees all ordered pairs.
    BinaryRelationPredictor all = BinaryRelationPredictor.train(cells(0, 6), ramp(6),
        TINY_BINARY.withBatchSize(100).withEpochs(2), 1, null);
    assertThat(Arrays.stream(all.scores(cells(0, 6)))).hasSize(6).allMatch(Double::isFinite);
    // Batch 1, as eagle trains the latency predictor; the ranking term has no pair to use.
    GcnRegressor single = GcnRegressor.train(cells(0, 5), new float[] {1, 2, 3, 4, 5}, List.of(),
        new float[0], TINY_LATENCY.withBatchSize(1).withEpochs(2).withRankLossWeight(1), 1, null,
        TrainingListener.NONE);
    assertThat(single.predict(cells(0, 5))).hasSize(5);
  }
}
