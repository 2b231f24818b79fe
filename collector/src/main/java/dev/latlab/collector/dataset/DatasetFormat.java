package dev.latlab.collector.dataset;

import java.util.Arrays;
import java.util.List;

/** The file formats a dataset can be exported in. */
public enum DatasetFormat {
  /** LatBench-style CSV: the agent's sweep CSV columns plus {@code measured_index}. */
  CSV("csv", "csv", new CsvDatasetWriter()),
  /** A JSON array of row objects with the CSV's keys; unknown values are null. */
  JSON("json", "json", new JsonDatasetWriter()),
  /**
   * LatBench's own format: a Python pickle of {@code {(6 op ids): latency in seconds}}, readable by
   * BRP-NAS code unchanged.
   */
  LATBENCH_PICKLE("latbench-pickle", "pickle", new LatbenchPickleWriter());

  private final String cliName;
  private final String fileExtension;
  private final DatasetWriter writer;

  DatasetFormat(String cliName, String fileExtension, DatasetWriter writer) {
    this.cliName = cliName;
    this.fileExtension = fileExtension;
    this.writer = writer;
  }

  /**
   * Returns the format's name on the command line and in requests.
   *
   * @return e.g. {@code latbench-pickle}
   */
  public String cliName() {
    return cliName;
  }

  /**
   * Returns the usual file name extension, without the dot.
   *
   * @return e.g. {@code csv}
   */
  public String fileExtension() {
    return fileExtension;
  }

  /**
   * Returns every format's CLI name, in declaration order.
   *
   * @return {@code [csv, json, latbench-pickle]}
   */
  public static List<String> cliNames() {
    return Arrays.stream(values()).map(DatasetFormat::cliName).toList();
  }

  /**
   * Looks a format up by its CLI name (exact, case-sensitive).
   *
   * @param name the name, e.g. {@code csv}
   * @return the format
   * @throws IllegalArgumentException if no format has that name; the message lists the valid names
   */
  public static DatasetFormat fromCliName(String name) {
    return Arrays.stream(values()).filter(f -> f.cliName.equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown dataset format '" + name
            + "'; valid formats: " + String.join(", ", cliNames())));
  }

  byte[] write(Dataset dataset) {
    return writer.write(dataset);
  }
}
