package dev.latlab.collector;

import java.util.NoSuchElementException;

/**
 * Turns a target's stored results into a dataset file. The collector streams the returned bytes to
 * the client of {@code CampaignService.ExportDataset} in 1 MiB chunks. Implementations are
 * thread-safe; calls may run concurrently on the server's executor.
 */
@FunctionalInterface
public interface DatasetExporter {

  /**
   * Exports one target's dataset.
   *
   * @param target the target whose results are exported; non-empty
   * @param format {@code csv}, {@code json} or {@code latbench-pickle}
   * @param fillComputeClasses whether every cell of a measured compute class gets the latency of
   *     its measured member
   * @return the whole file
   * @throws IllegalArgumentException naming the problem if the format (or another argument) is bad;
   *     the client gets INVALID_ARGUMENT with the message
   * @throws NoSuchElementException if the target has no stored result; the client gets NOT_FOUND
   *     with the message
   */
  byte[] export(String target, String format, boolean fillComputeClasses);
}
