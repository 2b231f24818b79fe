package dev.latlab.predictor.search;

import dev.latlab.nb201.Arch;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The search's PNG plots (XChart): best-so-far curves and the accuracy-latency scatter. */
public final class SearchPlots {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 600;
  /** Colours of the answers' markers, one per strategy: dark, to stand out of the grey cells. */
  private static final Color[] ANSWER_COLORS = {new Color(0, 90, 200), new Color(200, 30, 30),
      new Color(0, 140, 60), new Color(150, 0, 150), new Color(230, 120, 0)};
  /** The x axis ends at this quantile of the latencies, so that a few outliers do not squash it. */
  private static final double X_QUANTILE = 0.995;

  private SearchPlots() {}

  /**
   * Plots the mean best-so-far of each strategy against the queries spent.
   *
   * @param file the PNG file, replaced
   * @param summaries one curve per strategy
   * @param metric the report metric's name, for the axis
   * @param optimum a horizontal line at the optimum, or NaN for none
   * @throws IOException if the file cannot be written
   */
  public static void bestSoFar(Path file, List<SearchSummary> summaries, String metric,
      double optimum) throws IOException {
    XYChart chart = chart("Best so far (mean over runs)", "accuracy queries", metric);
    for (SearchSummary s : summaries) {
      List<double[]> points = new ArrayList<>();
      double[] curve = s.curve();
      for (int i = 0; i < curve.length; i++) {
        if (!Double.isNaN(curve[i])) {
          points.add(new double[] {i + 1, curve[i]});
        }
      }
      if (!points.isEmpty()) {
        line(chart, s.strategy() + " (" + s.runs().size() + " runs)", points);
      }
    }
    if (!Double.isNaN(optimum)) {
      int budget = summaries.get(0).budget();
      line(chart, "optimum", List.of(new double[] {1, optimum}, new double[] {budget, optimum}))
          .setLineColor(Color.GRAY);
    }
    write(chart, file);
  }

  /**
   * Plots report metric against latency: the given cells, their Pareto front (faster and more
   * accurate than every other point), the limit and the answers.
   *
   * @param file the PNG file, replaced
   * @param latency latency in milliseconds of the cells to show (measured, from a table or
   *     estimated)
   * @param latencyLabel what the latencies are, for the axis
   * @param report the report metric
   * @param answers the answers to mark, by label (e.g. the strategy)
   * @param limitMs a vertical line at the limit, or NaN for none
   * @throws IOException if the file cannot be written
   */
  public static void pareto(Path file, Map<Arch, Double> latency, String latencyLabel,
      ArchValues report, Map<String, List<Answer>> answers, double limitMs) throws IOException {
    XYChart chart = chart("Accuracy vs latency", latencyLabel, report.name());
    List<double[]> cells = latency.entrySet().stream()
        .filter(e -> !Double.isNaN(e.getValue()) && report.has(e.getKey()))
        .map(e -> new double[] {e.getValue(), report.get(e.getKey())}).toList();
    if (!cells.isEmpty()) {
      scatter(chart, "cells", cells).setMarkerColor(new Color(160, 160, 160, 70));
      line(chart, "Pareto front", front(cells)).setLineColor(Color.BLACK);
      chart.getStyler().setXAxisMin(0.0).setXAxisMax(xMax(cells, limitMs, answers));
    }
    if (!Double.isNaN(limitMs) && !cells.isEmpty()) {
      double lo = cells.stream().mapToDouble(p -> p[1]).min().orElse(0);
      double hi = cells.stream().mapToDouble(p -> p[1]).max().orElse(1);
      line(chart, "limit " + limitMs + " ms", List.of(new double[] {limitMs, lo},
          new double[] {limitMs, hi})).setLineColor(Color.RED);
    }
    int k = 0;
    for (Map.Entry<String, List<Answer>> e : answers.entrySet()) {
      List<double[]> points = e.getValue().stream().filter(a -> !Double.isNaN(a.latencyMs()))
          .map(a -> new double[] {a.latencyMs(), a.report()}).toList();
      if (!points.isEmpty()) {
        scatter(chart, "answers: " + e.getKey(), points).setMarker(SeriesMarkers.DIAMOND)
            .setMarkerColor(ANSWER_COLORS[k++ % ANSWER_COLORS.length]);
      }
    }
    write(chart, file);
  }

  private static double xMax(List<double[]> cells, double limitMs,
      Map<String, List<Answer>> answers) {
    double[] x = cells.stream().mapToDouble(p -> p[0]).sorted().toArray();
    double max = x[(int) Math.min(x.length - 1, Math.floor(X_QUANTILE * x.length))];
    if (!Double.isNaN(limitMs)) {
      max = Math.max(max, limitMs);
    }
    for (List<Answer> list : answers.values()) {
      for (Answer a : list) {
        max = Double.isNaN(a.latencyMs()) ? max : Math.max(max, a.latencyMs());
      }
    }
    return max * 1.05;
  }

  /** Returns the points no other point beats on both axes, by increasing latency. */
  // Visible for testing.
  static List<double[]> front(List<double[]> points) {
    List<double[]> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0])
        .thenComparingDouble(p -> -p[1]));
    List<double[]> front = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    for (double[] p : sorted) {
      if (p[1] > best) {
        front.add(p);
        best = p[1];
      }
    }
    return front;
  }

  private static XYChart chart(String title, String x, String y) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x)
        .yAxisTitle(y).build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE).setMarkerSize(7);
    return chart;
  }

  private static XYSeries line(XYChart chart, String name, List<double[]> points) {
    XYSeries s = chart.addSeries(name, column(points, 0), column(points, 1));
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    return s;
  }

  private static XYSeries scatter(XYChart chart, String name, List<double[]> points) {
    XYSeries s = chart.addSeries(name, column(points, 0), column(points, 1));
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    return s;
  }

  private static double[] column(List<double[]> points, int c) {
    return points.stream().mapToDouble(p -> p[c]).toArray();
  }

  private static void write(XYChart chart, Path file) throws IOException {
    Files.write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
  }
}
