package dev.latlab.predictor.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.nb201.Arch;
import dev.latlab.predictor.SharedData;
import dev.latlab.predictor.data.ArchCsv;
import dev.latlab.predictor.data.LatencyData;
import dev.latlab.predictor.latency.CellFeatures;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitTest {
  private static final LatencyData DATA =
      ArchCsv.read(SharedData.latbench()).latency(SharedData.DEVICES[0]);

  @Test
  void random_disjointCoveringAndReproducible() {
    Split s = Split.of(DATA, 900, 100, 1);
    assertThat(s.train().size()).isEqualTo(900);
    assertThat(s.valid().size()).isEqualTo(100);
    assertThat(s.test().size()).isEqualTo(DATA.size() - 1000);
    Set<Arch> all = new HashSet<>(s.train().archs());
    all.addAll(s.valid().archs());
    all.addAll(s.test().archs());
    assertThat(all).hasSize(DATA.size());
    assertThat(Split.of(DATA, 900, 100, 1).train().archs()).isEqualTo(s.train().archs());
    assertThat(Split.of(DATA, 900, 100, 2).train().archs()).isNotEqualTo(s.train().archs());
  }

  @Test
  void fewShot_spreadsOverFlops() {
    Split s = Split.fewShot(DATA, 20, 0, 3);
    assertThat(s.train().size()).isEqualTo(20);
    assertThat(s.test().size()).isEqualTo(DATA.size() - 20);
    double[] flops = DATA.archs().stream().mapToDouble(CellFeatures::flops).sorted().toArray();
    List<Double> picked = s.train().archs().stream().map(CellFeatures::flops).sorted().toList();
    // one pick per FLOPs twentile: the cheapest pick is in the cheapest 5 %, the dearest in the top
    assertThat(picked.get(0)).isLessThanOrEqualTo(flops[flops.length / 20]);
    assertThat(picked.get(19)).isGreaterThanOrEqualTo(flops[flops.length * 19 / 20]);
    // every op type appears among the picks
    double[] totals = new double[CellFeatures.OP_COUNTS];
    for (Arch a : s.train().archs()) {
      double[] c = CellFeatures.opCounts(a);
      for (int i = 0; i < c.length; i++) {
        totals[i] += c[i];
      }
    }
    for (double t : totals) {
      assertThat(t).isGreaterThanOrEqualTo(3);
    }
    assertThat(Split.fewShot(DATA, 20, 0, 3).train().archs()).isEqualTo(s.train().archs());
  }

  @Test
  void tooFewCells_isRefused() {
    assertThatThrownBy(() -> Split.of(DATA, 15000, 284, 1)).hasMessageContaining("leaves none");
  }
}
