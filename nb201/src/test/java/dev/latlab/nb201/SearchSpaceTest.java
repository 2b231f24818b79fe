package dev.latlab.nb201;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

  @Test
  void nb201Classes_count6466() {
    assertThat(SearchSpace.canonicalRepresentatives()).hasSize(6466);
  }

  @Test
  void computeClasses_count5390() {
    assertThat(SearchSpace.computeClassRepresentatives()).hasSize(5390);
  }

  @Test
  void degenerateCells_areExactlyTheOnesLatBenchDidNotMeasure() {
    Set<Integer> unmeasured = new HashSet<>();
    for (String[] row : SharedData.rows("latbench_dev.csv")) {
      if (row[3].isEmpty()) {
        unmeasured.add(Integer.parseInt(row[0]));
      }
    }
    Set<Integer> degenerate = new HashSet<>();
    for (Arch arch : Arch.all()) {
      if (SearchSpace.isDegenerate(arch)) {
        degenerate.add(arch.index());
      }
    }
    assertThat(degenerate).hasSize(341).isEqualTo(unmeasured);
  }

  @Test
  void representatives_areSmallestIndexOfTheirClass() {
    for (Arch arch : Arch.all()) {
      assertThat(SearchSpace.computeIndex(arch)).isLessThanOrEqualTo(arch.index());
      assertThat(SearchSpace.canonicalIndex(arch)).isLessThanOrEqualTo(arch.index());
      Arch rep = Arch.fromIndex(SearchSpace.computeIndex(arch));
      assertThat(SearchSpace.computeIndex(rep)).isEqualTo(rep.index());
    }
  }

  @Test
  void computeClasses_areCoarserThanNb201Classes() {
    for (Arch arch : Arch.all()) {
      Arch nb201Rep = Arch.fromIndex(SearchSpace.canonicalIndex(arch));
      assertThat(SearchSpace.computeIndex(nb201Rep)).isEqualTo(SearchSpace.computeIndex(arch));
    }
  }

  @Test
  void noneAndSkipIsomorphisms_areRecognised() {
    // Edge 1->2 skip and node-1 path via 0->2: conv on 0->1 feeding 1->3 by skip equals conv on 0->3.
    Arch viaNode1 = Arch.parse("|nor_conv_3x3~0|+|none~0|none~1|+|none~0|skip_connect~1|none~2|");
    Arch direct = Arch.parse("|none~0|+|none~0|none~1|+|nor_conv_3x3~0|none~1|none~2|");
    assertThat(SearchSpace.canonicalIndex(viaNode1)).isEqualTo(SearchSpace.canonicalIndex(direct));
    assertThat(SearchSpace.computeIndex(viaNode1)).isEqualTo(SearchSpace.computeIndex(direct));
  }

  @Test
  void zeroMarker_separatesNb201ClassesButNotComputeClasses() {
    // Node 1 gets conv(x); node 2 gets only a none edge; edge 2->3 adds a zero term in NB201's form.
    Arch withZeroTerm = Arch.parse("|nor_conv_3x3~0|+|none~0|none~1|+|none~0|skip_connect~1|skip_connect~2|");
    Arch without = Arch.parse("|nor_conv_3x3~0|+|none~0|none~1|+|none~0|skip_connect~1|none~2|");
    assertThat(SearchSpace.canonicalIndex(withZeroTerm))
        .isNotEqualTo(SearchSpace.canonicalIndex(without));
    assertThat(SearchSpace.computeIndex(withZeroTerm)).isEqualTo(SearchSpace.computeIndex(without));
  }

  @Test
  void degenerateCells_shareOneComputeClass() {
    List<Arch> degenerate = Arch.all().stream().filter(SearchSpace::isDegenerate).toList();
    assertThat(degenerate.stream().map(SearchSpace::computeIndex).distinct()).hasSize(1);
    assertThat(SearchSpace.isDegenerate(Arch.parse("000000"))).isTrue();
    assertThat(SearchSpace.isDegenerate(Arch.parse("000300"))).isFalse();
  }
}
