package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A latency table standing in for a device ({@code --device-table FILE:COL}): reading a cell's
 * value is its measurement. Cells without a value in the table (e.g. the degenerate cells LatBench
 * did not measure) come back unmeasured, so they can never be an answer.
 */
public final class TableDevice implements LatencyDevice {
  private final ArchValues table;

  /**
   * Creates the device.
   *
   * @param table latency in milliseconds by cell
   */
  public TableDevice(ArchValues table) {
    this.table = table;
  }

  @Override
  public Map<Arch, Double> measure(List<Arch> cells) {
    Map<Arch, Double> measured = new LinkedHashMap<>();
    for (Arch cell : cells) {
      if (table.has(cell)) {
        measured.put(cell, table.get(cell));
      }
    }
    return measured;
  }

  @Override
  public String describe() {
    return "table " + table.name();
  }
}
