package io.pqzk.bench.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Charts an evaluator reads at a glance: one chart per benchmark method, unit and message size;
 * within it, the parameter sets along the axis and the providers (or APIs, or systems) side by
 * side as grouped bars, each labelled with its median rounded to three significant digits. The
 * scale is logarithmic when the values span more than two orders of magnitude (the title says
 * so). PNG, rendered headless.
 */
public final class Charts {
  /** Parameters whose values become the bars of a group, in order of preference. */
  static final List<String> SERIES = List.of("provider", "api", "system", "impl");
  /** A parameter whose values each get a chart of their own. */
  static final String SPLIT = "msg";

  private Charts() {}

  /** Writes the charts into {@code dir}; returns their file names. */
  public static List<String> write(List<JmhResult> results, Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<String> files = new ArrayList<>();
    for (var area : MarkdownReport.byArea(results).entrySet()) {
      Map<String, List<JmhResult>> groups = new LinkedHashMap<>();
      for (JmhResult r : area.getValue()) {
        String split = r.params().containsKey(SPLIT) ? SPLIT + "=" + r.params().get(SPLIT) : "";
        groups.computeIfAbsent(r.shortName().replace('.', '-') + "\u0000" + r.unit() + "\u0000"
            + split, k -> new ArrayList<>()).add(r);
      }
      for (var g : groups.entrySet()) {
        String[] key = g.getKey().split("\u0000", -1);
        String suffix = key[2].isEmpty() ? "" : "-" + key[2].replace('=', '-');
        String name = area.getKey() + "-" + key[0] + suffix + fileSafe(key[1]) + ".png";
        String title = MarkdownReport.title(area.getKey()) + ": " + key[0].replace('-', '.')
            + (key[2].isEmpty() ? "" : ", " + sizeLabel(key[2]));
        CategoryChart chart = chart(title, key[1], g.getValue());
        BitmapEncoder.saveBitmapWithDPI(chart, dir.resolve(name).toString(),
            BitmapEncoder.BitmapFormat.PNG, 110);
        files.add(name);
      }
    }
    return files;
  }

  static CategoryChart chart(String title, String unit, List<JmhResult> rows) {
    List<String> seriesParams = SERIES.stream().filter(p -> rows.stream()
        .anyMatch(r -> r.params().containsKey(p))).toList();
    Set<String> categories = new LinkedHashSet<>();
    Map<String, Map<String, Double>> series = new java.util.TreeMap<>();
    for (JmhResult r : rows) {
      String s = seriesParams.isEmpty() ? "median" : seriesName(r, seriesParams);
      String c = category(r, seriesParams);
      categories.add(c);
      series.computeIfAbsent(s, k -> new LinkedHashMap<>()).put(c, threeDigits(r.median()));
    }
    double min = rows.stream().mapToDouble(JmhResult::median).filter(v -> v > 0).min().orElse(1);
    double max = rows.stream().mapToDouble(JmhResult::median).max().orElse(1);
    boolean log = max / min > 100;
    int width = Math.max(900, 40 * categories.size() * Math.max(1, series.size()) + 200);
    CategoryChart c = new CategoryChartBuilder().width(width).height(640)
        .title(title + " (median, " + unit + (log ? ", log scale" : "") + ")").xAxisTitle("")
        .yAxisTitle(unit).build();
    Styler s = c.getStyler();
    c.getStyler().setYAxisLogarithmic(log);
    if (log) {
      // bars start at zero unless told otherwise, which a logarithmic axis cannot draw
      c.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
      c.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max))));
    }
    c.getStyler().setLegendVisible(series.size() > 1);
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    boolean longLabels = categories.stream().anyMatch(l -> l.length() > 12);
    c.getStyler().setXAxisLabelRotation(longLabels || categories.size() > 8 ? 35 : 0);
    c.getStyler().setLabelsVisible(true);
    c.getStyler().setLabelsRotation(90);
    c.getStyler().setChartTitleBoxVisible(false);
    // values are already rounded to three significant digits: print them as they are
    s.setDecimalPattern("#,##0.######");
    c.getStyler().setYAxisDecimalPattern("#,##0.######");
    List<String> x = new ArrayList<>(categories);
    for (var e : series.entrySet()) {
      List<Double> y = new ArrayList<>();
      for (String cat : x) {
        y.add(e.getValue().get(cat)); // null where this provider has no such cell
      }
      c.addSeries(e.getKey(), x, y);
    }
    return c;
  }

  /** A bar's name: its series parameters, e.g. {@code BC, api=raw}. */
  static String seriesName(JmhResult r, List<String> seriesParams) {
    StringBuilder b = new StringBuilder();
    for (String p : seriesParams) {
      String v = r.params().get(p);
      if (v != null) {
        b.append(b.length() == 0 ? "" : ", ").append(p.equals(seriesParams.get(0)) ? v : p + "=" + v);
      }
    }
    return b.length() == 0 ? "-" : b.toString();
  }

  /** The bar group a row belongs to: its parameters but the series and the split. */
  static String category(JmhResult r, List<String> seriesParams) {
    StringBuilder b = new StringBuilder();
    r.params().forEach((k, v) -> {
      if (!seriesParams.contains(k) && !k.equals(SPLIT)) {
        b.append(b.length() == 0 ? "" : ", ").append(isNamedValue(k) ? v : k + "=" + v);
      }
    });
    String label = b.length() == 0 ? r.shortName() : b.toString();
    return label.length() > 40 ? label.substring(0, 37) + "..." : label;
  }

  /** Parameters whose value names itself (a parameter set, a fixture): shown without the key. */
  private static boolean isNamedValue(String param) {
    return List.of("mldsa", "slhdsa", "alg", "fixture", "algorithm").contains(param);
  }

  /** {@code v} rounded to three significant digits. */
  static double threeDigits(double v) {
    if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      return v;
    }
    return new BigDecimal(v).round(new MathContext(3)).doubleValue();
  }

  private static String sizeLabel(String split) {
    String v = split.substring(split.indexOf('=') + 1);
    try {
      long n = Long.parseLong(v);
      return n >= 1 << 20 && n % (1 << 20) == 0 ? (n >> 20) + " MiB messages"
          : n >= 1024 && n % 1024 == 0 ? (n >> 10) + " KiB messages" : n + " B messages";
    } catch (NumberFormatException e) {
      return split;
    }
  }

  private static String fileSafe(String unit) {
    return "-" + unit.replaceAll("[^A-Za-z0-9]+", "_");
  }
}
