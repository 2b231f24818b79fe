package dev.latlab.agent.analysis;

import static dev.latlab.agent.LatencyStatistics.percentile;

import dev.latlab.agent.SweepCsv;
import dev.latlab.stats.RankCorrelation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well two result sets agree on the cells they share: rank correlations of their {@code
 * latency_ms} and the per-cell relative difference {@code |b - a| / a}.
 *
 * @param shared cells in both files
 * @param spearman Spearman's rho of the latencies
 * @param kendall Kendall's tau-b of the latencies
 * @param medianRelativeDifference median of {@code |b - a| / a}
 * @param p90RelativeDifference 90th percentile of {@code |b - a| / a}
 * @param medianRatio median of {@code b / a}
 */
public record SweepComparison(int shared, double spearman, double kendall,
    double medianRelativeDifference, double p90RelativeDifference, double medianRatio) {

  private static final int LATENCY = 3;

  /**
   * Compares two sweep CSVs (or any CSV whose first column is {@code arch_index} and fourth {@code
   * latency_ms}).
   *
   * @param a the first file
   * @param b the second file
   * @return the comparison over the cells both hold
   * @throws IllegalArgumentException if a file is unreadable or malformed, or fewer than 2 cells are
   *     shared
   */
  public static SweepComparison of(Path a, Path b) {
    Map<Integer, Double> left = latencies(a);
    Map<Integer, Double> right = latencies(b);
    List<double[]> pairs = new ArrayList<>();
    left.forEach((index, la) -> {
      Double lb = right.get(index);
      if (lb != null) {
        pairs.add(new double[] {la, lb});
      }
    });
    if (pairs.size() < 2) {
      throw new IllegalArgumentException(a + " and " + b + " share " + pairs.size() + " cells");
    }
    return of(pairs.stream().mapToDouble(p -> p[0]).toArray(),
        pairs.stream().mapToDouble(p -> p[1]).toArray());
  }

  /**
   * Compares paired latencies.
   *
   * @param a first latencies
   * @param b second latencies, paired with {@code a}
   * @return the comparison
   */
  public static SweepComparison of(double[] a, double[] b) {
    double[] rel = new double[a.length];
    double[] ratio = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      rel[i] = Math.abs(b[i] - a[i]) / a[i];
      ratio[i] = b[i] / a[i];
    }
    Arrays.sort(rel);
    Arrays.sort(ratio);
    return new SweepComparison(a.length, RankCorrelation.spearman(a, b),
        RankCorrelation.kendall(a, b), percentile(rel, 50), percentile(rel, 90), percentile(ratio, 50));
  }

  /**
   * Returns the comparison as a map with snake_case keys.
   *
   * @return a JSON-ready map
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("shared", shared);
    m.put("spearman", spearman);
    m.put("kendall", kendall);
    m.put("median_relative_difference", medianRelativeDifference);
    m.put("p90_relative_difference", p90RelativeDifference);
    m.put("median_ratio", medianRatio);
    return m;
  }

  private static Map<Integer, Double> latencies(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty() || !lines.get(0).startsWith("arch_index,arch_str,arch_vector,latency_ms")) {
      throw new IllegalArgumentException(file + " is not a LatLab result CSV (expected header "
          + SweepCsv.HEADER.substring(0, 42) + "...)");
    }
    Map<Integer, Double> latencies = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",", -1);
      try {
        latencies.put(Integer.parseInt(cells[0]), Double.parseDouble(cells[LATENCY]));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + " is malformed", e);
      }
    }
    return latencies;
  }
}
