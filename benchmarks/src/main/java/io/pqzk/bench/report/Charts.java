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
 * One bar chart per benchmark method and unit (e.g. ML-DSA sign across parameter sets, providers,
 * APIs and message sizes; ledger validation across block sizes): the medians of the table, each
 * bar labelled with its value, so a chart shows exactly what its table says. The scale is linear
 * unless the values span more than two orders of magnitude (then logarithmic, and the title says
 * so). PNG, rendered headless.
 */
public final class Charts {
  private Charts() {}

  /** Writes the charts into {@code dir}; returns their file names. */
  public static List<String> write(List<JmhResult> results, Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<String> files = new ArrayList<>();
    for (var area : MarkdownReport.byArea(results).entrySet()) {
      // one chart per benchmark method and unit: values of one kind, on one scale
      Map<String, List<JmhResult>> groups = new LinkedHashMap<>();
      for (JmhResult r : area.getValue()) {
        String name = r.shortName().replace('.', '-');
        groups.computeIfAbsent(name + "\u0000" + r.unit(), k -> new ArrayList<>()).add(r);
      }
      for (var g : groups.entrySet()) {
        String[] key = g.getKey().split("\u0000");
        String name = area.getKey() + "-" + key[0] + fileSafe(key[1]) + ".png";
        CategoryChart chart = chart(MarkdownReport.title(area.getKey()) + ": " + key[0].replace('-', '.'), key[1], g.getValue());
        BitmapEncoder.saveBitmapWithDPI(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG, 110);
        files.add(name);
      }
    }
    return files;
  }

  static CategoryChart chart(String title, String unit, List<JmhResult> rows) {
    int width = Math.max(900, 60 * rows.size());
    double min = rows.stream().mapToDouble(JmhResult::median).filter(v -> v > 0).min().orElse(1);
    double max = rows.stream().mapToDouble(JmhResult::median).max().orElse(1);
    boolean log = max / min > 100;
    CategoryChart c = new CategoryChartBuilder().width(width).height(620)
        .title(title + " (median, " + unit + (log ? ", log scale" : "") + ")").xAxisTitle("")
        .yAxisTitle(unit).build();
    c.getStyler().setYAxisLogarithmic(log);
    if (log) {
      // bars start at zero unless told otherwise, which a logarithmic axis cannot draw
      c.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
      c.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max))));
    }
    c.getStyler().setLegendVisible(false);
    c.getStyler().setXAxisLabelRotation(60);
    c.getStyler().setLabelsVisible(true);
    c.getStyler().setLabelsRotation(90);
    c.getStyler().setChartTitleBoxVisible(false);
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    List<String> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (JmhResult r : rows) {
      // class and method are in the title: label by parameters only
      String label = r.params().isEmpty() ? r.shortName() : r.paramString();
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
