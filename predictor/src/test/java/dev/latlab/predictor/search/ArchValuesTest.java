package dev.latlab.predictor.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.nb201.Arch;
import dev.latlab.predictor.data.ArchCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchValuesTest {
  @TempDir Path dir;

  @Test
  void column_sharedAccuracy_readsEveryCellByIndex() {
    ArchValues c10 = SharedTables.accuracy("cifar10_test_acc");
    assertThat(c10.count()).isEqualTo(Arch.COUNT);
    assertThat(c10.get(Arch.fromIndex(1))).isEqualTo(93.66);
    assertThat(c10.get(Arch.fromIndex(6111))).isEqualTo(94.373333);
    assertThat(c10.name()).isEqualTo("nb201_accuracy.csv:cifar10_test_acc");
  }

  @Test
  void column_latbench_emptyFieldsAreMissing() {
    ArchValues mobile = SharedTables.latency(SharedTables.MOBILE);
    assertThat(mobile.count()).isEqualTo(15284);
    assertThat(mobile.has(Arch.parse("000000"))).isFalse();
    assertThat(mobile.get(Arch.fromIndex(0))).isEqualTo(7.632);
  }

  @Test
  void column_unknown_namesTheColumnsThereAre() {
    ArchCsv csv = ArchValues.table(SharedTables.file("nb201_accuracy.csv"));
    assertThatThrownBy(() -> ArchValues.of(csv, "cifar1000_acc"))
        .isInstanceOf(SearchInputException.class)
        .hasMessageContaining("no column 'cifar1000_acc'")
        .hasMessageContaining("cifar100_test_acc, imagenet16_120_test_acc");
  }

  @Test
  void column_keyColumn_isNotAValueColumn() {
    ArchCsv csv = ArchValues.table(SharedTables.file("nb201_accuracy.csv"));
    assertThatThrownBy(() -> ArchValues.of(csv, "arch_index"))
        .isInstanceOf(SearchInputException.class);
  }

  @Test
  void read_archStrKeyAndQuotedFields_parsed() throws IOException {
    Path file = write("arch_str,note,acc\n"
        + Arch.fromIndex(7).nb201String() + ",\"a, \"\"quoted\"\" note\",61.5\n"
        + Arch.fromIndex(9).nb201String() + ",,\n");
    ArchValues acc = ArchValues.read(file, "acc");
    assertThat(acc.get(Arch.fromIndex(7))).isEqualTo(61.5);
    assertThat(acc.has(Arch.fromIndex(9))).isFalse();
    assertThat(acc.count()).isEqualTo(1);
  }

  @Test
  void read_noKeyColumn_isBadInput() throws IOException {
    Path file = write("name,acc\nx,1\n");
    assertThatThrownBy(() -> ArchValues.table(file)).isInstanceOf(SearchInputException.class)
        .hasMessageContaining("no arch_index, arch_str or arch_vector column");
  }

  @Test
  void column_notANumber_namesLine() throws IOException {
    Path file = write("arch_index,acc\n0,1.5\n1,abc\n");
    assertThatThrownBy(() -> ArchValues.read(file, "acc"))
        .isInstanceOf(SearchInputException.class).hasMessageContaining(":3: column acc: 'abc'");
  }

  @Test
  void column_twoRowsForOneCell_isBadInput() throws IOException {
    Path file = write("arch_vector,acc\n421211,1\n0,2\n");
    assertThatThrownBy(() -> ArchValues.read(file, "acc"))
        .isInstanceOf(SearchInputException.class).hasMessageContaining("appears twice");
  }

  @Test
  void read_badKey_namesLine() throws IOException {
    Path file = write("arch_index,acc\n0,1\n99999,2\n");
    assertThatThrownBy(() -> ArchValues.table(file)).isInstanceOf(SearchInputException.class)
        .hasMessageContaining(":3: bad arch_index");
  }

  @Test
  void read_missingFile_isBadInput() {
    assertThatThrownBy(() -> ArchValues.table(dir.resolve("nope.csv")))
        .isInstanceOf(SearchInputException.class).hasMessageStartingWith("no such file");
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("t.csv"), text);
  }
}
