package dev.latlab.predictor.gcn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class GcnOptionsTest {
  @Test
  void latencyDefaults_areBrpNasDesktopConfigExceptBatchAndLr() {
    GcnOptions o = GcnOptions.latencyDefaults();
    assertThat(o.layers()).isEqualTo(4);
    assertThat(o.hidden()).isEqualTo(600);
    assertThat(o.dropout()).isEqualTo(0.002);
    assertThat(o.epochs()).isEqualTo(250);
    assertThat(o.weightDecay()).isEqualTo(5e-4);
    assertThat(o.lrPatience()).isEqualTo(10);
    assertThat(o.esPatience()).isEqualTo(35);
    assertThat(o.rankLossWeight()).isZero();
    assertThat(o.schedule()).isEqualTo(LrSchedule.PLATEAU);
    assertThat(o.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void binaryRelationDefaults_useCosineAndDropout02() {
    GcnOptions o = GcnOptions.binaryRelationDefaults();
    assertThat(o.dropout()).isEqualTo(0.2);
    assertThat(o.schedule()).isEqualTo(LrSchedule.COSINE);
    assertThat(o.batchSize()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void with_eachBadValue_namesTheOption() {
    GcnOptions o = GcnOptions.latencyDefaults();
    Map<String, Supplier<GcnOptions>> bad = Map.ofEntries(
        Map.entry("layers", () -> o.withLayers(0)),
        Map.entry("hidden", () -> o.withHidden(0)),
        Map.entry("dropout", () -> o.withDropout(1)),
        Map.entry("epochs", () -> o.withEpochs(0)),
        Map.entry("learningRate", () -> o.withLearningRate(Double.NaN)),
        Map.entry("weightDecay", () -> o.withWeightDecay(-1)),
        Map.entry("lrPatience", () -> o.withLrPatience(-1)),
        Map.entry("esPatience", () -> o.withEsPatience(-1)),
        Map.entry("batchSize", () -> o.withBatchSize(0)),
        Map.entry("rankLossWeight", () -> o.withRankLossWeight(-0.5)),
        Map.entry("threads", () -> o.withThreads(0)));
    bad.forEach((option, make) -> assertThatThrownBy(make::get)
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(option + " must be"));
  }

  @Test
  void with_copies_changeOnlyThatOption() {
    GcnOptions o = GcnOptions.latencyDefaults();
    GcnOptions changed = o.withBatchSize(7).withSchedule(LrSchedule.COSINE);
    assertThat(changed.batchSize()).isEqualTo(7);
    assertThat(changed.schedule()).isEqualTo(LrSchedule.COSINE);
    assertThat(changed.withBatchSize(o.batchSize()).withSchedule(LrSchedule.PLATEAU))
        .isEqualTo(o);
  }
}
