package dev.latlab.collector.dataset;

/** Encodes a dataset in one file format. Implementations are stateless and thread-safe. */
@FunctionalInterface
interface DatasetWriter {
  /**
   * Encodes the dataset.
   *
   * @param dataset the dataset, at least one row
   * @return the file's bytes
   */
  byte[] write(Dataset dataset);
}
