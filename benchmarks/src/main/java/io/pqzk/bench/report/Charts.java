package io.pqzk.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * One horizontal-free bar chart per area and unit: the medians of the table, so a chart shows
 * exactly what its table says. PNG, rendered headless.
 */
public final class Charts {
  private Charts() {}

  /** Writes the charts into {@code dir}; returns their file names. */
  public static List<String> write(List<JmhResult> results, Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<String> files = new ArrayList<>();
    for (var area : MarkdownReport.byArea(results).entrySet()) {
      Map<String, List<JmhResult>> byUnit = new LinkedHashMap<>();
      for (JmhResult r : area.getValue()) {
        byUnit.computeIfAbsent(r.unit(), k -> new ArrayList<>()).add(r);
      }
      int n = 0;
      for (var unit : byUnit.entrySet()) {
        String name = area.getKey() + (n++ == 0 ? "" : "-" + n) + ".png";
        CategoryChart chart = chart(MarkdownReport.title(area.getKey()), unit.getKey(), unit.getValue());
        BitmapEncoder.saveBitmapWithDPI(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG, 110);
        files.add(name);
      }
    }
    return files;
  }

  static CategoryChart chart(String title, String unit, List<JmhResult> rows) {
    int width = Math.max(900, 60 * rows.size());
    CategoryChart c = new CategoryChartBuilder().width(width).height(620)
        .title(title + " (median, " + unit + ")").xAxisTitle("").yAxisTitle(unit).build();
    c.getStyler().setLegendVisible(false);
    c.getStyler().setXAxisLabelRotation(60);
    c.getStyler().setLabelsVisible(true);
    c.getStyler().setLabelsRotation(90);
    c.getStyler().setChartTitleBoxVisible(false);
    c.getStyler().setYAxisLogarithmic(spread(rows) > 100);
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    List<String> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (JmhResult r : rows) {
      String label = r.shortName() + (r.params().isEmpty() ? "" : " [" + r.paramString() + "]");
      x.add(label.length() > 70 ? label.substring(0, 67) + "..." : label);
      y.add(r.median());
    }
    c.addSeries("median", x, y);
    return c;
  }

  private static double spread(List<JmhResult> rows) {
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (JmhResult r : rows) {
      if (r.median() > 0) {
        lo = Math.min(lo, r.median());
        hi = Math.max(hi, r.median());
      }
    }
    return hi == 0 ? 1 : hi / lo;
  }
}
