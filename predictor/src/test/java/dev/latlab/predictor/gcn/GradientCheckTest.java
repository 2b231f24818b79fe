package dev.latlab.predictor.gcn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.nb201.Arch;
import dev.latlab.nb201.graph.GcnEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Every analytic gradient (graph convolution weights and biases, LayerNorm gain and bias, heads)
 * against central finite differences of {@link ReferenceGcn}, an independent double-precision
 * transcription of the model. The analytic side is the production float code, so the tolerance is
 * float-sized; the finite differences are double (step 1e-6).
 */
class GradientCheckTest {
  private static final double STEP = 1e-6;

  private static List<GcnEncoding> cells(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<GcnEncoding> out = new ArrayList<>();
    while (out.size() < n) {
      Arch arch = Arch.fromIndex(random.nextInt(Arch.COUNT));
      out.add(GcnEncoding.of(arch));
    }
    return out;
  }

  private static GcnWeights weights(GcnHead head, int layers, int hidden, long seed) {
    GcnWeights w = GcnWeights.initial(head, layers, hidden, new SplittableRandom(seed));
    // Move LayerNorm off its identity init so its gradients are exercised at generic values.
    SplittableRandom random = new SplittableRandom(seed + 1);
    for (int l = 0; l < layers; l++) {
      for (int c = 0; c < hidden; c++) {
        w.values[w.layout.lnGain(l) + c] = (float) random.nextDouble(0.5, 1.5);
        w.values[w.layout.lnBias(l) + c] = (float) random.nextDouble(-0.3, 0.3);
      }
    }
    return w;
  }

  @Test
  void regression_l1_gradientsMatchFiniteDifferences() {
    checkRegression(2, 5, 0, Dropout.none());
  }

  @Test
  void regression_rankTerm_gradientsMatchFiniteDifferences() {
    checkRegression(2, 5, 0.7, Dropout.none());
  }

  @Test
  void regression_threeLayersWithDropout_gradientsMatchFiniteDifferences() {
    checkRegression(3, 6, 0.3, Dropout.of(0.25, 99));
  }

  @Test
  void regression_oneLayer_gradientsMatchFiniteDifferences() {
    checkRegression(1, 4, 0, Dropout.none());
  }

  @Test
  void binaryRelation_gradientsMatchFiniteDifferences() {
    List<GcnEncoding> batch = cells(5, 3);
    double[] quality = {0.2, 0.9, 0.5, 0.5, -1};
    GcnWeights w = weights(GcnHead.BINARY_RELATION, 2, 5, 11);
    float[] analytic = PassRunner.pairGradient(w, batch, quality, Dropout.none());
    check(w, analytic,
        ref -> ref.pairLoss(batch, quality, Dropout.none()));
  }

  @Test
  void binaryRelation_withDropout_gradientsMatchFiniteDifferences() {
    List<GcnEncoding> batch = cells(4, 8);
    double[] quality = {3, 1, 2, 0};
    GcnWeights w = weights(GcnHead.BINARY_RELATION, 2, 6, 12);
    Dropout masks = Dropout.of(0.3, 5);
    float[] analytic = PassRunner.pairGradient(w, batch, quality, masks);
    check(w, analytic, ref -> ref.pairLoss(batch, quality, masks));
  }

  private void checkRegression(int layers, int hidden, double rank, Dropout masks) {
    List<GcnEncoding> batch = cells(6, layers);
    // Targets far from the initial predictions keep the L1 kink away from the probe points.
    float[] target = {3f, -2.5f, 4f, -3f, 2.5f, -4f};
    GcnWeights w = weights(GcnHead.REGRESSION, layers, hidden, 10 + layers);
    float[] analytic = PassRunner.regressionGradient(w, batch, target, rank, masks);
    check(w, analytic, ref -> ref.regressionLoss(batch, target, rank, masks));
  }

  private void check(GcnWeights w, float[] analytic, ToDoubleFunction<ReferenceGcn> loss) {
    double[] x = new double[w.values.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = w.values[i];
    }
    ReferenceGcn ref = new ReferenceGcn(w.layout, x);
    int nonZero = 0;
    for (int i = 0; i < x.length; i++) {
      double keep = x[i];
      x[i] = keep + STEP;
      double up = loss.applyAsDouble(ref);
      x[i] = keep - STEP;
      double down = loss.applyAsDouble(ref);
      x[i] = keep;
      double numeric = (up - down) / (2 * STEP);
      String where = name(w.layout, i);
      assertThat((double) analytic[i]).as(where)
          .isCloseTo(numeric, org.assertj.core.api.Assertions.within(
              2e-5 + 2e-3 * Math.abs(numeric)));
      nonZero += Math.abs(numeric) > 1e-4 ? 1 : 0;
    }
    // Guards against a vacuous pass (e.g. everything dead behind ReLU).
    assertThat(nonZero).isGreaterThan(x.length / 2);
  }

  private static String name(ParamLayout layout, int index) {
    for (ParamLayout.Slot s : layout.slots()) {
      if (index >= s.offset() && index < s.offset() + s.size()) {
        return s.name() + "[" + (index - s.offset()) + "]";
      }
    }
    return "?";
  }

  @Test
  void forward_matchesReference() {
    List<GcnEncoding> batch = cells(7, 21);
    GcnWeights w = weights(GcnHead.REGRESSION, 4, 9, 21);
    float[] emb = PassRunner.embeddings(w, batch, Dropout.none());
    double[] x = new double[w.values.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = w.values[i];
    }
    ReferenceGcn ref = new ReferenceGcn(w.layout, x);
    for (int g = 0; g < batch.size(); g++) {
      double[] expected = ref.embedding(batch.get(g), g, Dropout.none());
      for (int c = 0; c < 9; c++) {
        assertThat((double) emb[g * 9 + c]).isCloseTo(expected[c],
            org.assertj.core.api.Assertions.within(1e-5 + 1e-5 * Math.abs(expected[c])));
      }
    }
  }
}
