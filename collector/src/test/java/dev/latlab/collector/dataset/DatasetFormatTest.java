package dev.latlab.collector.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatasetFormatTest {

  @Test
  void fromCliName_knownNames_resolve() {
    assertThat(DatasetFormat.fromCliName("csv")).isEqualTo(DatasetFormat.CSV);
    assertThat(DatasetFormat.fromCliName("json")).isEqualTo(DatasetFormat.JSON);
    assertThat(DatasetFormat.fromCliName("latbench-pickle"))
        .isEqualTo(DatasetFormat.LATBENCH_PICKLE);
  }

  @Test
  void fromCliName_unknownName_throwsListingValidNames() {
    assertThatThrownBy(() -> DatasetFormat.fromCliName("parquet"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown dataset format 'parquet'; valid formats: csv, json, latbench-pickle");
    assertThatThrownBy(() -> DatasetFormat.fromCliName("CSV"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DatasetFormat.fromCliName(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cliNames_inDeclarationOrder() {
    assertThat(DatasetFormat.cliNames()).containsExactly("csv", "json", "latbench-pickle");
  }
}
