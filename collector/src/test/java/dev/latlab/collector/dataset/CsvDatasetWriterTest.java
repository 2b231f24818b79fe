package dev.latlab.collector.dataset;

import static dev.latlab.collector.dataset.Results.result;
import static dev.latlab.collector.dataset.Results.stored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latlab.proto.v1.JobResult;
import dev.latlab.proto.v1.Round;
import dev.latlab.proto.v1.Statistics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvDatasetWriterTest {
  /** agent-core's SweepCsv.HEADER, copied by hand: the collector cannot see agent-core. */
  private static final String SWEEP_HEADER = "arch_index,arch_str,arch_vector,latency_ms,median_ms,"
      + "mean_ms,std_ms,min_ms,p10_ms,p90_ms,mad_ms,latbench_ms,ci_half_width,runs,stopped_early,"
      + "max_temp_c,mean_freq_mhz,load_avg,canary_drift,backend,protocol,network,device,"
      + "measured_at,samples_us";

  private static final String ARCH_0 =
      "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|"
          + "skip_connect~2|";

  private static JobResult detailed() {
    return JobResult.newBuilder().setJobId("job-csv").setAttempt(2).setArchIndex(0)
        .setLatencyMs(1.234567891)
        .setStats(Statistics.newBuilder().setN(6).setMedianMs(1.2345).setMeanMs(1.25)
            .setStdMs(0.05).setMinMs(1.2).setMaxMs(1.4).setP10Ms(1.21).setP90Ms(1.3)
            .setMadMs(0.01).setLatbenchMs(1.24).setCiHalfWidth(0.0123))
        .addRounds(Round.newBuilder().addNanos(1_200_000).addNanos(1_234_567))
        .addRounds(Round.newBuilder().addNanos(1_250_001))
        .setBackendIdentity("onnxruntime 1.29.0 threads=1").setProtocolIdentity("stat=median")
        .setNetworkIdentity("nb201-cifar10").setDeviceFingerprint("0123456789abcdef")
        .setEnvironmentJson("{\"cpu_model\": \"X\", \"cpu_frequencies_mhz\": [2000.0, 3000.0, "
            + "null], \"temperatures_c\": {\"acpitz\": 45.5, \"x86_pkg_temp\": 51.4}, "
            + "\"load_average_1m\": 0.5, \"fingerprint\": \"0123456789abcdef\"}")
        .setMeasuredAtUnixMs(1_700_000_000_000L).setStoppedEarly(true).build();
  }

  private static List<String> lines(Dataset d) {
    return List.of(new String(new CsvDatasetWriter().write(d), StandardCharsets.UTF_8)
        .split("\n", -1));
  }

  @Test
  void header_isTheSweepHeaderPlusMeasuredIndex() {
    assertThat(DatasetColumn.HEADER).isEqualTo(SWEEP_HEADER + ",measured_index");
    assertThat(DatasetColumn.SWEEP_COLUMNS).hasSize(25)
        .doesNotContain(DatasetColumn.MEASURED_INDEX);
  }

  @Test
  void write_detailedResult_exactRowText() {
    Dataset d = DatasetBuilder.build(List.of(stored(detailed(), 0)), false);

    assertThat(lines(d)).containsExactly(DatasetColumn.HEADER,
        "0," + ARCH_0 + ",421211,1.234568,1.234500,1.250000,0.050000,1.200000,1.210000,1.300000,"
            + "0.010000,1.240000,0.012300,6,true,51.4,2500,0.50,,onnxruntime 1.29.0 threads=1,"
            + "stat=median,nb201-cifar10,0123456789abcdef,2023-11-14T22:13:20Z,"
            + "1200.000 1234.567|1250.001,0",
        "");
  }

  @Test
  void write_unknownValues_areEmptyCells() {
    JobResult bare = JobResult.newBuilder().setJobId("job-bare").setArchIndex(1)
        .setLatencyMs(2.0).build();

    Dataset d = DatasetBuilder.build(List.of(stored(bare, 0)), false);

    assertThat(lines(d).get(1)).endsWith(",2.000000,,,,,,,,,,,false,,,,,,,,,,,1")
        .startsWith("1,");
  }

  @Test
  void write_filledRows_nameTheMeasuredCell() {
    Dataset d = DatasetBuilder.build(List.of(stored(4980, 2.0)), true);

    List<String> lines = lines(d);
    assertThat(lines).hasSize(1 + 8 + 1);
    assertThat(lines.get(1)).startsWith("0," + ARCH_0 + ",421211,2.000000,").endsWith(",4980");
    assertThat(lines.get(3)).startsWith("4980,").endsWith(",4980");
  }

  @Test
  void write_commaInIdentity_isQuoted() {
    JobResult r = result(3, 1.0).setBackendIdentity("tflite \"2.21\", threads=4").build();

    String line = CsvDatasetWriter.line(DatasetBuilder.build(List.of(stored(r, 0)), false)
        .rows().get(0));

    assertThat(line).contains(",\"tflite \"\"2.21\"\", threads=4\",");
  }
}
