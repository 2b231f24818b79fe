package dev.latlab.agent;

import dev.latlab.nb201.Arch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The result file of a sweep: LatBench-style CSV, one row per measured cell, appended and forced to
 * disk row by row, so that a killed sweep loses nothing it finished and resumes where it stopped.
 *
 * <p>Columns: {@code arch_index, arch_str, arch_vector, latency_ms} (the protocol's statistic), the
 * statistics, the machine's state, then the identity of the conditions ({@code backend}, {@code
 * protocol}, {@code network}, {@code device}), the time, and the raw samples ({@code samples_us}:
 * microseconds, runs separated by spaces, rounds by {@code |}). A file is only resumed by a sweep
 * with the same conditions.
 */
public final class SweepCsv implements AutoCloseable {
  /** The header row. */
  public static final String HEADER = String.join(",", List.of("arch_index", "arch_str",
      "arch_vector", "latency_ms", "median_ms", "mean_ms", "std_ms", "min_ms", "p10_ms", "p90_ms",
      "mad_ms", "latbench_ms", "ci_half_width", "runs", "stopped_early", "max_temp_c",
      "mean_freq_mhz", "load_avg", "canary_drift", "backend", "protocol", "network", "device",
      "measured_at", "samples_us"));
  private static final int BACKEND = 19;
  private static final int COLUMNS = 25;

  private final Path path;
  private final FileChannel channel;
  private final Set<Integer> done;

  private SweepCsv(Path path, FileChannel channel, Set<Integer> done) {
    this.path = path;
    this.channel = channel;
    this.done = done;
  }

  /**
   * Opens a result file, creating it with a header or resuming it.
   *
   * @param path the CSV file
   * @param conditions backend, protocol, network and device identities, in that order
   * @return the open file
   * @throws IllegalArgumentException if the file exists but is not a sweep CSV, or holds rows
   *     measured under other conditions
   * @throws UncheckedIOException if the file cannot be read or written
   */
  public static SweepCsv open(Path path, List<String> conditions) {
    try {
      Set<Integer> done = Files.exists(path) ? resume(path, conditions) : create(path);
      FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
      return new SweepCsv(path, channel, done);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns the indices of the cells already in the file.
   *
   * @return an unmodifiable set
   */
  public Set<Integer> done() {
    return Set.copyOf(done);
  }

  /**
   * Appends one row and forces it to disk before returning.
   *
   * @param m the measurement
   * @param canaryDrift the drift of the latest canary check, relative (0.03 = 3 %), NaN if none
   */
  public void append(Measurement m, double canaryDrift) {
    String row = row(m, canaryDrift) + "\n";
    try {
      channel.write(ByteBuffer.wrap(row.getBytes(StandardCharsets.UTF_8)));
      channel.force(false);
      done.add(m.arch().index());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The conditions of a measurement, as its row records them. */
  public static List<String> conditions(Measurement m) {
    return List.of(m.backend(), m.protocol(), m.spec().identity(),
        m.environment().fingerprint());
  }

  private static Set<Integer> create(Path path) throws IOException {
    Files.writeString(path, HEADER + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    return new HashSet<>();
  }

  private static Set<Integer> resume(Path path, List<String> conditions) throws IOException {
    dropPartialLastLine(path);
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IllegalArgumentException(path + " is not a LatLab sweep CSV (unexpected header)");
    }
    Set<Integer> done = new HashSet<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",", -1);
      if (cells.length != COLUMNS) {
        throw new IllegalArgumentException(path + " line " + (i + 1) + " has " + cells.length
            + " columns, expected " + COLUMNS);
      }
      checkConditions(path, i + 1, List.of(cells).subList(BACKEND, BACKEND + 4), conditions);
      done.add(Integer.parseInt(cells[0]));
    }
    return done;
  }

  private static void checkConditions(Path path, int line, List<String> found,
      List<String> expected) {
    String[] names = {"backend", "protocol", "network", "device"};
    for (int k = 0; k < names.length; k++) {
      if (!found.get(k).equals(expected.get(k))) {
        throw new IllegalArgumentException(path + " was measured with another " + names[k]
            + " (line " + line + ": '" + found.get(k) + "', this run: '" + expected.get(k)
            + "'); resume with the same options or choose another --out");
      }
    }
  }

  /** A row cut short by a kill mid-write carries no finished measurement: drop it. */
  private static void dropPartialLastLine(Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    if (end < bytes.length) {
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
        ch.truncate(end);
      }
    }
  }

  private static String row(Measurement m, double canaryDrift) {
    Arch a = m.arch();
    LatencyStatistics s = m.stats();
    Environment env = m.environment();
    StringJoiner row = new StringJoiner(",");
    row.add(Integer.toString(a.index())).add(a.nb201String()).add(a.vector());
    for (double v : new double[] {m.latencyMillis(), s.medianMillis(), s.meanMillis(),
        s.stdMillis(), s.minMillis(), s.p10Millis(), s.p90Millis(), s.madMillis(),
        s.latbenchMillis()}) {
      row.add(number(v, 6));
    }
    row.add(number(s.medianCiHalfWidth(), 6)).add(Integer.toString(s.n()))
        .add(Boolean.toString(m.stoppedEarly()));
    row.add(number(env.maxTemperatureC(), 1)).add(number(env.meanFrequencyMhz(), 0))
        .add(number(env.loadAverage1m(), 2)).add(number(canaryDrift, 4));
    conditions(m).forEach(row::add);
    row.add(Instant.now().toString());
    return row.add(samples(m.samplesNanos())).toString();
  }

  private static String number(double v, int decimals) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static String samples(long[][] rounds) {
    StringJoiner all = new StringJoiner("|");
    for (long[] round : rounds) {
      StringJoiner r = new StringJoiner(" ");
      for (long nanos : round) {
        r.add(String.format(Locale.ROOT, "%.3f", nanos / 1e3));
      }
      all.add(r.toString());
    }
    return all.toString();
  }
}
