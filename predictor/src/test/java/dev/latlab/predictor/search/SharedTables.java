package dev.latlab.predictor.search;

import dev.latlab.predictor.data.ArchCsv;
import java.nio.file.Files;
import java.nio.file.Path;

/** The public NB201 tables in shared/data beside the checkout, read once (tests only). */
final class SharedTables {
  static final String MOBILE = "latbench_mobile_cpu_snapdragon_855_kryo_485_int8_ms";
  static final String GPU = "latbench_desktop_gpu_gtx_1080ti_fp32_ms";

  private static ArchCsv accuracy;
  private static ArchCsv latency;

  private SharedTables() {}

  static Path file(String name) {
    Path path = Path.of(System.getProperty("latlab.shared.dir", "../../shared"), "data", name);
    if (!Files.isReadable(path)) {
      throw new IllegalStateException("test data missing: " + path.toAbsolutePath());
    }
    return path;
  }

  static synchronized ArchValues accuracy(String column) {
    if (accuracy == null) {
      accuracy = ArchValues.table(file("nb201_accuracy.csv"));
    }
    return ArchValues.of(accuracy, column);
  }

  static synchronized ArchValues latency(String column) {
    if (latency == null) {
      latency = ArchValues.table(file("latbench_dev.csv"));
    }
    return ArchValues.of(latency, column);
  }
}
