package dev.latlab.nb201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArchTest {

  @Test
  void fromIndex_allCells_matchPublicTable() {
    List<String[]> rows = SharedData.rows("latbench_dev.csv");
    assertThat(rows).hasSize(Arch.COUNT);
    for (String[] row : rows) {
      Arch arch = Arch.fromIndex(Integer.parseInt(row[0]));
      assertThat(arch.nb201String()).isEqualTo(row[1]);
      assertThat(arch.vector()).isEqualTo(row[2]);
    }
  }

  @Test
  void accuracyTable_indexColumn_agreesWithStrings() {
    for (String[] row : SharedData.rows("nb201_accuracy.csv")) {
      assertThat(Arch.parse(row[1]).index()).isEqualTo(Integer.parseInt(row[0]));
    }
  }

  @Test
  void parse_allThreeNames_roundTripForEveryCell() {
    Set<Arch> seen = new HashSet<>();
    for (Arch arch : Arch.all()) {
      assertThat(Arch.parse(arch.nb201String())).isSameAs(arch);
      assertThat(Arch.parse(arch.vector())).isSameAs(arch);
      assertThat(Arch.parse(Integer.toString(arch.index()))).isSameAs(arch);
      seen.add(arch);
    }
    assertThat(seen).hasSize(Arch.COUNT);
  }

  @Test
  void index0_hasDocumentedNames() {
    Arch arch = Arch.fromIndex(0);
    assertThat(arch.vector()).isEqualTo("421211");
    assertThat(arch.nb201String())
        .isEqualTo("|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|"
            + "+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|");
    assertThat(arch.op(0)).isEqualTo(Op.AVG_POOL_3X3);
    assertThat(arch.count(Op.SKIP_CONNECT)).isEqualTo(3);
  }

  @Test
  void parse_surroundingWhitespace_isIgnored() {
    assertThat(Arch.parse(" 421211\n").index()).isZero();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "'';empty arch",
        "15625;arch index 15625 is out of range 0..15624",
        "123456;digit '5' at position 5 is not an op id 0..4",
        "1234567;has 7 digits",
        "abc;cannot read arch 'abc'",
        "-1;cannot read arch '-1'",
        "|nor_conv_3x3~0|+|none~0|none~1|;has 2 node groups",
        "|conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|;unknown op 'conv_3x3'",
        "|none~0|+|none~0|none~2|+|none~0|none~1|none~2|;input must be ~1, got ~2",
        "|none~0|+|none~0|+|none~0|none~1|none~2|;node 2 group '|none~0|' at character 10 has 1 edges",
        "|none~0|+|none~0|none~1|+|none~0|none~1|none2|;token 'none2' (edge 2->3, character 41)"
      })
  void parse_badName_throwsNamingTheProblem(String text, String expected) {
    assertThatThrownBy(() -> Arch.parse(text))
        .isInstanceOf(ArchFormatException.class)
        .hasMessageContaining(expected);
  }

  @Test
  void of_wrongEdgeCount_isRejected() {
    assertThatThrownBy(() -> Arch.of(Op.NONE)).isInstanceOf(IllegalArgumentException.class);
  }
}
