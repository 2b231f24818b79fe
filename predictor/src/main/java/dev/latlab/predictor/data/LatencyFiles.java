package dev.latlab.predictor.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a latency file of either kind: a LatBench pickle or a CSV table with a named column. */
public final class LatencyFiles {
  private LatencyFiles() {}

  /**
   * Reads one device's latencies.
   *
   * @param file a CSV table or a LatBench pickle (recognised by its content, not its name)
   * @param column the CSV column in milliseconds; must be null for a pickle, which holds one
   *     device
   * @return the latencies
   * @throws IllegalArgumentException for a missing file, a missing or superfluous column, or bad
   *     content
   */
  public static LatencyData read(Path file, String column) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file, e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (isPickle(bytes)) {
      if (column != null) {
        throw new IllegalArgumentException(file + " is a LatBench pickle, which holds one device: "
            + "give no column");
      }
      return LatBenchPickle.parse(file.toString(), bytes);
    }
    if (column == null) {
      throw new IllegalArgumentException(file + " is a CSV table: name its latency column; value "
          + "columns: " + String.join(", ", ArchCsv.read(file).valueColumns()));
    }
    return ArchCsv.parse(file.toString(), new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
        .latency(column);
  }

  /**
   * Reads {@code FILE:COLUMN}, or {@code FILE} alone for a pickle. The column is after the last
   * colon, so Windows-style or odd paths still work when a column is given.
   *
   * @param spec the text
   * @return the latencies
   * @throws IllegalArgumentException as {@link #read}
   */
  public static LatencyData read(String spec) {
    int colon = spec.lastIndexOf(':');
    Path whole = Path.of(spec);
    if (colon <= 0 || Files.isRegularFile(whole)) {
      return read(whole, null);
    }
    return read(Path.of(spec.substring(0, colon)), spec.substring(colon + 1));
  }

  /** Pickle protocols 2+ start with PROTO; protocols 0/1 of a dict with '(' + 'd' or '}'. */
  private static boolean isPickle(byte[] bytes) {
    return bytes.length > 1 && ((bytes[0] & 0xff) == 0x80 || bytes[0] == '}'
        || (bytes[0] == '(' && bytes[1] == 'd'));
  }
}
