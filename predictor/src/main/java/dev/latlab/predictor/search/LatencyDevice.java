package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import java.util.List;
import java.util.Map;

/**
 * Where measured latencies come from: real agents of a target, or a table standing in for a device.
 * Every cell passed to {@link #measure} is one measurement, whatever it returns.
 */
public interface LatencyDevice {
  /**
   * Measures cells.
   *
   * @param cells the cells, each at most once
   * @return latency in milliseconds by cell; a cell the device could not measure is absent
   */
  Map<Arch, Double> measure(List<Arch> cells);

  /**
   * Describes the device for outputs.
   *
   * @return e.g. {@code table latbench_dev.csv:latbench_mobile_..._ms}
   */
  String describe();
}
