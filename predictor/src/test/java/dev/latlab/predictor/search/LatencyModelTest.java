package dev.latlab.predictor.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.Op;
import dev.latlab.nb201.SearchSpace;
import dev.latlab.predictor.linalg.Matrices;
import dev.latlab.predictor.linalg.Ridge;
import dev.latlab.stats.RankCorrelation;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The op-count estimator, its features and the initial design that feeds it. */
class LatencyModelTest {

  @Test
  void activeOps_noActiveEdge_exactlyForDegenerateCells() {
    for (Arch a : Arch.all()) {
      boolean none = Arrays.stream(ActiveOps.of(a)).allMatch(op -> op == null);
      assertThat(none).as("arch %d", a.index()).isEqualTo(SearchSpace.isDegenerate(a));
    }
  }

  @Test
  void activeOps_edgeFromDeadNode_dropped() {
    // Node 1 gets nothing (0->1 none), so 1->2 and 1->3 are not computed.
    Arch a = Arch.of(Op.NONE, Op.NOR_CONV_3X3, Op.AVG_POOL_3X3, Op.SKIP_CONNECT,
        Op.NOR_CONV_1X1, Op.NOR_CONV_3X3);
    assertThat(ActiveOps.of(a)).containsExactly(null, Op.NOR_CONV_3X3, null, Op.SKIP_CONNECT,
        null, Op.NOR_CONV_3X3);
    assertThat(ActiveOps.additions(ActiveOps.of(a))).isEqualTo(1);
    assertThat(OpCountLatencyEstimator.features(a)).containsExactly(1, 0, 2, 0, 1);
  }

  @Test
  void ridge_smallPenalty_recoversExactLinearModel() {
    double[][] x = {{0, 1}, {1, 0}, {1, 1}, {2, 3}, {3, 1}};
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 2 * x[i][0] - 0.5 * x[i][1] + 4;
    }
    double[] w = Ridge.fit(x, y, 1e-9);
    assertThat(w).containsExactly(new double[] {2, -0.5, 4}, within(1e-6));
    assertThat(Ridge.predict(w, new double[] {10, 10})).isCloseTo(19, within(1e-5));
  }

  @Test
  void estimator_fitOnEightDesignCells_ranksMobileLatenciesWell() {
    ArchValues mobile = SharedTables.latency(SharedTables.MOBILE);
    List<Arch> design = InitialDesign.choose(8, new SplittableRandom(3));
    OpCountLatencyEstimator estimator = new OpCountLatencyEstimator();
    estimator.fit(design, design.stream().mapToDouble(mobile::get).toArray(), 0);
    List<Arch> measured = Arch.all().stream().filter(mobile::has).toList();
    double[] truth = measured.stream().mapToDouble(mobile::get).toArray();
    double[] predicted = measured.stream().mapToDouble(estimator::predictMs).toArray();
    assertThat(RankCorrelation.spearman(truth, predicted)).isGreaterThan(0.95);
  }

  @Test
  void estimator_oneDisturbedMeasurement_barelyMovesTheFit() {
    ArchValues mobile = SharedTables.latency(SharedTables.MOBILE);
    List<Arch> cells = InitialDesign.choose(16, new SplittableRandom(4));
    double[] ms = cells.stream().mapToDouble(mobile::get).toArray();
    OpCountLatencyEstimator clean = new OpCountLatencyEstimator();
    clean.fit(cells, ms, 0);
    ms[3] *= 5; // a measurement taken while the device was busy
    OpCountLatencyEstimator disturbed = new OpCountLatencyEstimator();
    disturbed.fit(cells, ms, 0);
    double[][] x = cells.stream().map(OpCountLatencyEstimator::features)
        .toArray(double[][]::new);
    double[] plain = Ridge.fit(x, ms, 1e-2);

    double robustShift = 0;
    double plainShift = 0;
    List<Arch> measured = Arch.all().stream().filter(mobile::has).toList();
    for (Arch a : measured) {
      double reference = clean.predictMs(a);
      robustShift += Math.abs(disturbed.predictMs(a) - reference) / reference;
      plainShift += Math.abs(Ridge.predict(plain, OpCountLatencyEstimator.features(a))
          - reference) / reference;
    }
    // Mean relative shift of the predictions: about 4 % robust, about 30 % for least squares.
    assertThat(robustShift / measured.size()).isLessThan(0.06);
    assertThat(plainShift / measured.size()).isGreaterThan(0.2);
  }

  @Test
  void initialDesign_sameSeed_sameDistinctNonDegenerateCells() {
    List<Arch> a = InitialDesign.choose(8, new SplittableRandom(5));
    assertThat(a).hasSize(8).doesNotHaveDuplicates()
        .noneMatch(SearchSpace::isDegenerate)
        .isEqualTo(InitialDesign.choose(8, new SplittableRandom(5)))
        .isNotEqualTo(InitialDesign.choose(8, new SplittableRandom(6)));
  }

  @Test
  void matrices_inverse_timesMatrixIsIdentity() {
    double[][] m = {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}};
    double[][] inv = Matrices.inverse(m);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double sum = 0;
        for (int k = 0; k < 3; k++) {
          sum += m[i][k] * inv[k][j];
        }
        assertThat(sum).isCloseTo(i == j ? 1 : 0, within(1e-12));
      }
    }
  }
}
