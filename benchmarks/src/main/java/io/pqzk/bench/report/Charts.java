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
 * One bar chart per benchmark class and unit, on a linear scale: the medians of the table, each
 * bar labelled with its value, so a chart shows exactly what its table says. PNG, rendered headless.
 */
public final class Charts {
  private Charts() {}

  /** Writes the charts into {@code dir}; returns their file names. */
  public static List<String> write(List<JmhResult> results, Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<String> files = new ArrayList<>();
    for (var area : MarkdownReport.byArea(results).entrySet()) {
      // one chart per benchmark class and unit: values of one kind, on one linear scale
      Map<String, List<JmhResult>> groups = new LinkedHashMap<>();
      for (JmhResult r : area.getValue()) {
        String cls = r.shortName().substring(0, r.shortName().indexOf('.'));
        groups.computeIfAbsent(cls + "\u0000" + r.unit(), k -> new ArrayList<>()).add(r);
      }
      for (var g : groups.entrySet()) {
        String[] key = g.getKey().split("\u0000");
        String name = area.getKey() + "-" + key[0] + fileSafe(key[1]) + ".png";
        CategoryChart chart = chart(MarkdownReport.title(area.getKey()) + ": " + key[0], key[1], g.getValue());
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
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    List<String> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (JmhResult r : rows) {
      // the class is in the title: label by method and parameters only
      String method = r.shortName().substring(r.shortName().indexOf('.') + 1);
      String label = method + (r.params().isEmpty() ? "" : " " + r.paramString());
      x.add(label.length() > 70 ? label.substring(0, 67) + "..." : label);
      y.add(r.median());
    }
    c.addSeries("median", x, y);
    return c;
  }

  private static String fileSafe(String unit) {
    return "-" + unit.replaceAll("[^A-Za-z0-9]+", "_");
  }

}
