package dev.latlab.predictor.gcn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GcnWeightsTest {
  private static GcnWeights fresh(GcnHead head, int layers, int hidden) {
    return GcnWeights.initial(head, layers, hidden, new SplittableRandom(1));
  }

  private static NamedTensor find(List<NamedTensor> tensors, String name) {
    return tensors.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void tensors_latencyDefaults_haveBrpNasNamesShapesAndCount() {
    GcnWeights w = fresh(GcnHead.REGRESSION, 4, 600);
    List<NamedTensor> t = w.tensors();
    assertThat(t).extracting(NamedTensor::name).containsExactly("gc.0.weight", "gc.0.bias",
        "bn.0.weight", "bn.0.bias", "gc.1.weight", "gc.1.bias", "bn.1.weight", "bn.1.bias",
        "gc.2.weight", "gc.2.bias", "bn.2.weight", "bn.2.bias", "gc.3.weight", "gc.3.bias",
        "bn.3.weight", "bn.3.bias", "fc.weight", "fc.bias");
    assertThat(find(t, "gc.0.weight").shape()).containsExactly(6, 600);
    assertThat(find(t, "gc.3.weight").shape()).containsExactly(600, 600);
    assertThat(find(t, "fc.weight").shape()).containsExactly(1, 600);
    // 6*600 + 3*600*600 + 4 layers * 3 * 600 + 600 + 1
    assertThat(w.parameterCount()).isEqualTo(1_091_401);
  }

  @Test
  void initial_followsThomasAndTorchLinearBounds() {
    GcnWeights w = fresh(GcnHead.BINARY_RELATION, 2, 50);
    List<NamedTensor> t = w.tensors();
    assertWithin(find(t, "gc.0.weight").values(), 1 / Math.sqrt(50));
    assertWithin(find(t, "gc.1.bias").values(), 1 / Math.sqrt(50));
    assertWithin(find(t, "fc.weight").values(), 1 / Math.sqrt(100));
    assertThat(find(t, "bn.1.weight").values()).containsOnly(1f);
    assertThat(find(t, "bn.0.bias").values()).containsOnly(0f);
    assertThat(find(t, "fc.weight").shape()).containsExactly(2, 100);
  }

  private static void assertWithin(float[] values, double bound) {
    double max = 0;
    for (float v : values) {
      max = Math.max(max, Math.abs(v));
    }
    assertThat(max).isLessThanOrEqualTo(bound).isGreaterThan(0.8 * bound);
  }

  @Test
  void fromTensors_roundTrip_equalAndIndependent() {
    GcnWeights w = fresh(GcnHead.BINARY_RELATION, 3, 7);
    GcnWeights back = GcnWeights.fromTensors(w.tensors());
    assertThat(back.tensors()).isEqualTo(w.tensors());
    assertThat(back.head()).isEqualTo(GcnHead.BINARY_RELATION);
    assertThat(back.layers()).isEqualTo(3);
    assertThat(back.hidden()).isEqualTo(7);
    GcnWeights copy = w.copy();
    copy.values[0] += 1;
    assertThat(copy.tensors()).isNotEqualTo(w.tensors());
  }

  @Test
  void fromTensors_missingTensor_namesIt() {
    List<NamedTensor> t = new ArrayList<>(fresh(GcnHead.REGRESSION, 2, 4).tensors());
    t.removeIf(x -> x.name().equals("bn.1.bias"));
    assertThatThrownBy(() -> GcnWeights.fromTensors(t))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("tensor bn.1.bias is missing");
  }

  @Test
  void fromTensors_wrongShape_namesIt() {
    List<NamedTensor> t = new ArrayList<>(fresh(GcnHead.REGRESSION, 2, 4).tensors());
    t.replaceAll(x -> x.name().equals("gc.1.weight")
        ? new NamedTensor("gc.1.weight", new int[] {2, 8}, x.values()) : x);
    assertThatThrownBy(() -> GcnWeights.fromTensors(t))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tensor gc.1.weight has shape [2, 8], expected [4, 4]");
  }

  @Test
  void fromTensors_extraOrDuplicateOrNonFinite_isRejected() {
    List<NamedTensor> base = fresh(GcnHead.REGRESSION, 1, 3).tensors();
    List<NamedTensor> extra = new ArrayList<>(base);
    extra.add(new NamedTensor("gc.9.bias", new int[] {3}, new float[3]));
    assertThatThrownBy(() -> GcnWeights.fromTensors(extra))
        .hasMessageContaining("unexpected tensors: [gc.9.bias]");
    List<NamedTensor> twice = new ArrayList<>(base);
    twice.add(base.get(1));
    assertThatThrownBy(() -> GcnWeights.fromTensors(twice)).hasMessageContaining("given twice");
    List<NamedTensor> nan = new ArrayList<>(base);
    nan.set(1, new NamedTensor("gc.0.bias", new int[] {3}, new float[] {0, Float.NaN, 0}));
    assertThatThrownBy(() -> GcnWeights.fromTensors(nan))
        .hasMessageContaining("gc.0.bias holds NaN");
  }

  @Test
  void namedTensor_countMismatch_isRejected() {
    assertThatThrownBy(() -> new NamedTensor("x", new int[] {2, 3}, new float[5]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 6 values");
  }
}
