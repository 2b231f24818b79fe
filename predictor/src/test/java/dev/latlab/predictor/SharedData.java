package dev.latlab.predictor;

import java.nio.file.Path;

/** The real NB201 data beside the checkout (../shared/data), for tests. */
public final class SharedData {
  /** LatBench's four devices. */
  public static final String[] DEVICES = {
    "latbench_desktop_gpu_gtx_1080ti_fp32_ms",
    "latbench_embedded_gpu_jetson_nano_fp16_ms",
    "latbench_embedded_tpu_edge_tpu_int8_ms",
    "latbench_mobile_cpu_snapdragon_855_kryo_485_int8_ms"
  };

  private SharedData() {}

  /**
   * Returns a file of ../shared/data.
   *
   * @param name e.g. {@code latbench_dev.csv}
   * @return its path
   */
  public static Path file(String name) {
    return Path.of(System.getProperty("latlab.shared.dir", "../shared"), "data", name);
  }

  /**
   * Returns ../shared/data/latbench_dev.csv.
   *
   * @return its path
   */
  public static Path latbench() {
    return file("latbench_dev.csv");
  }
}
