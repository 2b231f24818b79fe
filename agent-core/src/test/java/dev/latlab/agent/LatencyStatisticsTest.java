package dev.latlab.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyStatisticsTest {
  private static final double EPS = 1e-9;

  private static long[] millis(double... values) {
    long[] nanos = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      nanos[i] = Math.round(values[i] * 1e6);
    }
    return nanos;
  }

  @Test
  void of_oneToFive_matchesHandComputedValues() {
    LatencyStatistics s = LatencyStatistics.of(new long[][] {millis(3, 1, 5, 2, 4)});
    assertThat(s.n()).isEqualTo(5);
    assertThat(s.medianMillis()).isCloseTo(3, within(EPS));
    assertThat(s.meanMillis()).isCloseTo(3, within(EPS));
    assertThat(s.stdMillis()).isCloseTo(Math.sqrt(2.5), within(EPS));
    assertThat(s.minMillis()).isCloseTo(1, within(EPS));
    assertThat(s.maxMillis()).isCloseTo(5, within(EPS));
    assertThat(s.p10Millis()).isCloseTo(1.4, within(EPS));
    assertThat(s.p90Millis()).isCloseTo(4.6, within(EPS));
    assertThat(s.madMillis()).isCloseTo(1, within(EPS));
    assertThat(s.latbenchMillis()).isCloseTo(3, within(EPS));
  }

  @Test
  void latbench_threeRounds_isIqmOfRoundIqms() {
    // Round IQMs: [1,2,3,4,100] -> q25=2, q75=4 -> 3; [2,4,6,8,10] -> 6; [10,10,10,10] -> 10.
    // Over rounds [3,6,10]: q25=4.5, q75=8 -> only 6 survives.
    long[][] rounds = {millis(1, 2, 3, 4, 100), millis(2, 4, 6, 8, 10), millis(10, 10, 10, 10)};
    assertThat(LatencyStatistics.of(rounds).latbenchMillis()).isCloseTo(6, within(EPS));
  }

  @Test
  void latbench_evenRound_includesBothQuartileEnds() {
    // [1,2,3,4]: q25=1.75, q75=3.25 -> mean(2,3) = 2.5
    assertThat(LatencyStatistics.latbench(new long[][] {millis(4, 1, 3, 2)}))
        .isCloseTo(2.5, within(EPS));
  }

  @Test
  void latbench_twoRounds_fallsBackToMedianWhereNumpyGivesNan() {
    // Round IQMs 2 and 4: no value lies within [2.5, 3.5], so the median of the two, 3.
    long[][] rounds = {millis(1, 2, 3), millis(3, 4, 5)};
    assertThat(LatencyStatistics.of(rounds).latbenchMillis()).isCloseTo(3, within(EPS));
  }

  @Test
  void medianCi_oneToHundred_usesOrderStatistics40And61() {
    double[] values = new double[100];
    for (int i = 0; i < 100; i++) {
      values[i] = i + 1;
    }
    assertThat(LatencyStatistics.medianCiHalfWidth(values, 50.5))
        .isCloseTo((61 - 40) / 2.0 / 50.5, within(EPS));
  }

  @Test
  void medianCi_constantSamples_isZero() {
    LatencyStatistics s = LatencyStatistics.of(new long[][] {millis(2, 2, 2), millis(2, 2, 2)});
    assertThat(s.medianCiHalfWidth()).isZero();
    assertThat(s.stdMillis()).isZero();
  }

  @Test
  void of_noRuns_isRejected() {
    assertThatThrownBy(() -> LatencyStatistics.of(new long[][] {{}}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void statistic_picksTheNamedValue() {
    LatencyStatistics s = LatencyStatistics.of(new long[][] {millis(1, 2, 9)});
    assertThat(Statistic.MEDIAN.of(s)).isCloseTo(2, within(EPS));
    assertThat(Statistic.MEAN.of(s)).isCloseTo(4, within(EPS));
    assertThat(Statistic.MIN.of(s)).isCloseTo(1, within(EPS));
    assertThat(Statistic.fromCliName("latbench")).isEqualTo(Statistic.LATBENCH);
  }
}
