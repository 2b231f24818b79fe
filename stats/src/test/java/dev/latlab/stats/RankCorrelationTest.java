package dev.latlab.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {
  @Test
  void spearman_monotoneButNonlinear_isOne() {
    assertThat(RankCorrelation.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 8, 27, 64}))
        .isCloseTo(1, within(1e-12));
  }

  @Test
  void spearman_handComputedExample() {
    // ranks x: 1 2 3 4 5, ranks y: 2 1 4 3 5 -> d^2 sum = 4 -> rho = 1 - 6*4/(5*24) = 0.8
    assertThat(RankCorrelation.spearman(new double[] {1, 2, 3, 4, 5},
        new double[] {20, 10, 40, 30, 50})).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void ranks_ties_getMeanRank() {
    assertThat(RankCorrelation.ranks(new double[] {5, 1, 5, 3})).containsExactly(3.5, 1, 3.5, 2);
  }

  @Test
  void kendall_handComputedExample() {
    // pairs of (1..5) vs (20,10,40,30,50): 10 pairs, 2 discordant -> (8-2)/10 = 0.6
    assertThat(RankCorrelation.kendall(new double[] {1, 2, 3, 4, 5},
        new double[] {20, 10, 40, 30, 50})).isCloseTo(0.6, within(1e-12));
  }

  @Test
  void kendall_withTies_isTauB() {
    // x: 1 1 2, y: 1 2 3 -> pairs: (0,1) tie in x; (0,2) C; (1,2) C -> 2 / sqrt(2 * 3)
    assertThat(RankCorrelation.kendall(new double[] {1, 1, 2}, new double[] {1, 2, 3}))
        .isCloseTo(2 / Math.sqrt(6), within(1e-12));
  }
}
