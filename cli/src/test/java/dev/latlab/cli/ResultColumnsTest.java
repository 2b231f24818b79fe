package dev.latlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.agent.SweepCsv;
import dev.latlab.collector.dataset.DatasetExport;
import org.junit.jupiter.api.Test;

/** The collector's dataset CSV and the agent's sweep CSV share their columns (the modules do not). */
class ResultColumnsTest {
  @Test
  void datasetCsv_isSweepCsvPlusMeasuredIndex() {
    assertThat(DatasetExport.CSV_HEADER).isEqualTo(SweepCsv.HEADER + ",measured_index");
  }
}
