package dev.latlab.predictor.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SchedulesTest {
  @Test
  void plateau_relativeThreshold_halvesAfterPatienceExceeded() {
    ReduceLrOnPlateau s = new ReduceLrOnPlateau(1.0, 0.5, 2, 0.01);
    assertThat(s.step(1.0)).isEqualTo(1.0); // best 1.0
    assertThat(s.step(0.995)).isEqualTo(1.0); // not 1% better: bad 1
    assertThat(s.step(0.999)).isEqualTo(1.0); // bad 2
    assertThat(s.step(0.998)).isEqualTo(0.5); // bad 3 > patience 2: halve, count restarts
    assertThat(s.step(0.98)).isEqualTo(0.5); // 2% better: new best
    assertThat(s.step(0.98)).isEqualTo(0.5);
    assertThat(s.step(0.98)).isEqualTo(0.5);
    assertThat(s.step(0.98)).isEqualTo(0.25);
  }

  @Test
  void earlyStopping_stopsAfterPatienceBadSteps() {
    EarlyStopping es = new EarlyStopping(2);
    assertThat(es.step(5)).isFalse(); // sets the reference
    assertThat(es.step(4)).isFalse();
    assertThat(es.step(4)).isFalse(); // not strictly better: bad 1
    assertThat(es.step(4.5)).isTrue(); // bad 2
  }

  @Test
  void earlyStopping_patienceZero_neverStops() {
    EarlyStopping es = new EarlyStopping(0);
    for (int i = 0; i < 100; i++) {
      assertThat(es.step(i)).isFalse();
    }
  }

  @Test
  void earlyStopping_nan_stops() {
    EarlyStopping es = new EarlyStopping(10);
    es.step(1);
    assertThat(es.step(Double.NaN)).isTrue();
  }

  @Test
  void cosine_startsAtBaseAndEndsNearZero() {
    assertThat(CosineAnnealing.lr(0.1, 0, 10)).isEqualTo(0.1);
    assertThat(CosineAnnealing.lr(0.1, 5, 10)).isCloseTo(0.05, within(1e-12));
    assertThat(CosineAnnealing.lr(0.1, 10, 10)).isCloseTo(0, within(1e-12));
  }
}
