package dev.latlab.predictor.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.latlab.nb201.Arch;
import dev.latlab.predictor.data.LatencyData;
import dev.latlab.proto.v1.Provenance;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearModelTest {
  @Test
  void flops_recoversAnExactLine() {
    LatencyData data = synthetic(a -> 0.5 + 2.0 * CellFeatures.flops(a) / 1e9);
    LinearModel m = LinearModel.fit(ModelKind.FLOPS, data);
    assertThat(m.coefficients().get(0)).isCloseTo(2.0, within(1e-5));
    assertThat(m.coefficients().get(1)).isCloseTo(0.5, within(1e-5));
  }

  @Test
  void layerwise_recoversPerOpCosts() {
    LatencyData data = synthetic(a -> {
      double[] c = CellFeatures.opCounts(a);
      return 1 + 0.3 * c[0] + 0.9 * c[1] + 0.2 * c[2] + 0.05 * c[3];
    });
    LinearModel m = LinearModel.fit(ModelKind.LAYERWISE, data);
    assertThat(m.coefficients()).satisfiesExactly(
        w -> assertThat(w).isCloseTo(0.3, within(1e-5)),
        w -> assertThat(w).isCloseTo(0.9, within(1e-5)),
        w -> assertThat(w).isCloseTo(0.2, within(1e-5)),
        w -> assertThat(w).isCloseTo(0.05, within(1e-5)),
        w -> assertThat(w).isCloseTo(1, within(1e-5)));
  }

  @Test
  void savedAndLoaded_predictsIdentically(@TempDir Path dir) throws Exception {
    LatencyData data = synthetic(a -> 1 + a.index() % 7 + CellFeatures.flops(a) / 1e8);
    for (ModelKind kind : new ModelKind[] {ModelKind.FLOPS, ModelKind.LAYERWISE}) {
      LinearModel m = LinearModel.fit(kind, data);
      Path file = dir.resolve(kind.cliName() + ".pb");
      LatencyModelFile.write(file, m, Provenance.newBuilder().setSeed(3).build());
      TrainedModel loaded = LatencyModelFile.read(file);
      assertThat(loaded.kind()).isEqualTo(kind);
      assertThat(loaded.predictMs(Arch.all())).isEqualTo(m.predictMs(Arch.all()));
      assertThat(LatencyModelFile.readMessage(file).getProvenance().getSeed()).isEqualTo(3);
    }
  }

  private static LatencyData synthetic(java.util.function.ToDoubleFunction<Arch> ms) {
    Map<Integer, Double> values = new TreeMap<>();
    for (int i = 0; i < 15625; i += 37) {
      values.put(i, ms.applyAsDouble(Arch.fromIndex(i)));
    }
    return LatencyData.of("synthetic", values);
  }
}
