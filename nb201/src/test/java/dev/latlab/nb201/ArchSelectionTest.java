package dev.latlab.nb201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchSelectionTest {
  @TempDir Path dir;

  @Test
  void parse_namedSets_haveDocumentedSizes() {
    assertThat(ArchSelection.parse("all")).hasSize(15625);
    assertThat(ArchSelection.parse("compute-classes")).hasSize(5390);
  }

  @Test
  void parse_sample_isSeededDistinctAndSorted() {
    List<Arch> a = ArchSelection.parse("sample:200:7");
    assertThat(a).hasSize(200).doesNotHaveDuplicates();
    assertThat(a).isEqualTo(ArchSelection.parse("sample:200:7"));
    assertThat(a).isNotEqualTo(ArchSelection.parse("sample:200:8"));
    assertThat(a).isSortedAccordingTo((x, y) -> Integer.compare(x.index(), y.index()));
    assertThat(a).allMatch(arch -> SearchSpace.computeIndex(arch) == arch.index());
  }

  @Test
  void parse_file_readsAnyNameSkipsCommentsAndDuplicates() throws IOException {
    Path file = dir.resolve("archs.txt");
    Files.writeString(file, "# cells\n0\n\n421211\n334131\n"
        + "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|\n");
    assertThat(ArchSelection.parse("file:" + file)).extracting(Arch::index).containsExactly(0, 1);
  }

  @Test
  void parse_fileWithBadLine_namesLine() throws IOException {
    Path file = dir.resolve("archs.txt");
    Files.writeString(file, "0\n99999\n");
    assertThatThrownBy(() -> ArchSelection.parse("file:" + file))
        .isInstanceOf(ArchFormatException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void parse_badSpecs_areRejectedWithReason() {
    assertThatThrownBy(() -> ArchSelection.parse("some")).hasMessageContaining("unknown arch selection");
    assertThatThrownBy(() -> ArchSelection.parse("sample:x")).hasMessageContaining("N 'x'");
    assertThatThrownBy(() -> ArchSelection.parse("sample:6000")).hasMessageContaining("1..5390");
    assertThatThrownBy(() -> ArchSelection.parse("file:" + dir.resolve("missing")))
        .hasMessageContaining("cannot read arch file");
  }
}
