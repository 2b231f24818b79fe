package dev.latlab.collector.dataset;

import static dev.latlab.collector.dataset.Results.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latlab.collector.store.ResultRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class DatasetExportTest {
  private final List<ResultRow> results = List.of(stored(4980, 2.0), stored(1, 1.0));

  @Test
  void export_unknownFormat_throwsIllegalArgumentEvenWithoutResults() {
    assertThatThrownBy(() -> DatasetExport.export(List.of(), "xlsx", false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latbench-pickle");
  }

  @Test
  void export_noResults_throwsNoSuchElement() {
    for (String format : DatasetFormat.cliNames()) {
      assertThatThrownBy(() -> DatasetExport.export(List.of(), format, false))
          .isInstanceOf(NoSuchElementException.class);
    }
  }

  @Test
  void export_csv_sortedRowsAndFillHonoured() {
    String plain = new String(DatasetExport.export(results, "csv", false), StandardCharsets.UTF_8);
    String filled = new String(DatasetExport.export(results, "csv", true), StandardCharsets.UTF_8);

    assertThat(plain.lines()).hasSize(3);
    assertThat(plain.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))))
        .containsExactly("1", "4980");
    assertThat(filled.lines()).hasSize(1 + 1 + 8);
  }

  @Test
  void export_formatEnum_sameBytesAsCliName() {
    for (DatasetFormat format : DatasetFormat.values()) {
      assertThat(DatasetExport.export(results, format, true))
          .isEqualTo(DatasetExport.export(results, format.cliName(), true));
    }
  }
}
