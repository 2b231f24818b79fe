package dev.latlab.predictor.search;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes search traces as CSV: one row per query or measurement, in order, for every run of every
 * strategy. A query row also carries the cell's measured latency when the run measured the cell
 * (usually right after the query, when it beat the answer).
 */
public final class TraceCsv {
  /** The header row. */
  public static final String HEADER = "strategy,run,seed,step,event,queries,measurements,"
      + "arch_index,arch_str,query_acc,report_acc,estimated_ms,measured_ms";

  private TraceCsv() {}

  /**
   * Writes the traces.
   *
   * @param file the CSV file, replaced
   * @param summaries the strategies' runs
   * @throws IOException if the file cannot be written
   */
  public static void write(Path file, List<SearchSummary> summaries) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER + "\n");
      for (SearchSummary summary : summaries) {
        for (int r = 0; r < summary.runs().size(); r++) {
          writeRun(out, summary.runs().get(r), r + 1);
        }
      }
    }
  }

  private static void writeRun(Writer out, RunResult run, int number) throws IOException {
    for (TraceEvent e : run.trace()) {
      double measured = e.kind() == TraceEvent.Kind.MEASURE
          ? e.measuredMs()
          : run.measured().getOrDefault(e.arch(), Double.NaN);
      out.write(String.join(",", run.strategy(), Integer.toString(number),
          Long.toString(run.seed()), Integer.toString(e.step()),
          e.kind().name().toLowerCase(Locale.ROOT), Integer.toString(e.queries()),
          Integer.toString(e.measurements()), Integer.toString(e.arch().index()),
          e.arch().nb201String(), number(e.accuracy()), number(e.report()),
          number(e.estimatedMs()), number(measured)));
      out.write('\n');
    }
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
  }
}
