package dev.latlab.predictor.plot;

import dev.latlab.predictor.eval.Evaluation;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Predicted vs measured latency of the test cells, one panel per model, on log-log axes with the
 * identity line and the +-10 % band, so that a glance shows bias, spread and where a model fails.
 */
public final class PredictionScatter {
  private static final int PANEL = 520;

  private PredictionScatter() {}

  /**
   * Writes the panels of several evaluations of one device as one PNG.
   *
   * @param png the file to write
   * @param device the device's name, for the titles
   * @param evaluations one per model, all on the same test cells
   * @throws IOException if writing fails
   */
  public static void write(Path png, String device, List<Evaluation> evaluations)
      throws IOException {
    Headless.ensure();
    List<XYChart> panels = new ArrayList<>();
    for (Evaluation e : evaluations) {
      panels.add(panel(device, e));
    }
    int cols = Math.min(2, panels.size());
    int rows = (panels.size() + cols - 1) / cols;
    BitmapEncoder.saveBitmap(panels, rows, cols, withoutPng(png),
        BitmapEncoder.BitmapFormat.PNG);
  }

  private static XYChart panel(String device, Evaluation e) {
    double[] measured = e.split().test().values();
    double[] predicted = e.predictedMs();
    String title = String.format(Locale.ROOT, "%s: Spearman %.3f, within 10%% %.1f%%",
        e.model().kind().cliName(), e.metrics().spearman(), 100 * e.metrics().within10pct());
    XYChart chart = new XYChartBuilder().width(PANEL).height(PANEL).title(title)
        .xAxisTitle("measured ms (" + device + ")").yAxisTitle("predicted ms").build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setMarkerSize(3)
        .setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (int i = 0; i < measured.length; i++) {
      lo = Math.min(lo, Math.min(measured[i], Math.max(predicted[i], 1e-6)));
      hi = Math.max(hi, Math.max(measured[i], predicted[i]));
      predicted[i] = Math.max(predicted[i], 1e-6); // a log axis cannot show <= 0
    }
    XYSeries cells = chart.addSeries("test cells", measured, predicted);
    cells.setMarkerColor(new Color(31, 119, 180, 90)).setMarker(SeriesMarkers.CIRCLE);
    line(chart, "identity", lo, hi, 1.0, Color.BLACK);
    line(chart, "+10%", lo, hi, 1.1, Color.GRAY);
    line(chart, "-10%", lo, hi, 0.9, Color.GRAY);
    return chart;
  }

  private static void line(XYChart chart, String name, double lo, double hi, double factor,
      Color color) {
    XYSeries s = chart.addSeries(name, new double[] {lo, hi},
        new double[] {lo * factor, hi * factor});
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE)
        .setLineColor(color);
  }

  /** XChart appends the extension itself. */
  static String withoutPng(Path png) {
    String name = png.toString();
    return name.toLowerCase(Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4)
        : name;
  }
}
