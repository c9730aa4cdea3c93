package io.pqzk.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns JMH results into the evaluator's Markdown report: the machine, then one table per area
 * (median, error, unit, and the ratio to the baseline measured in the same run).
 */
public final class MarkdownReport {
  /** Area titles in report order; unknown areas follow under their package name. */
  static final Map<String, String> AREAS = new LinkedHashMap<>();

  static {
    AREAS.put("sig", "Signatures");
    AREAS.put("zk", "Proof systems");
    AREAS.put("ledger", "Ledger");
  }

  private MarkdownReport() {}

  /** Results grouped by area, in report order. */
  public static Map<String, List<JmhResult>> byArea(List<JmhResult> results) {
    Map<String, List<JmhResult>> out = new LinkedHashMap<>();
    AREAS.keySet().forEach(a -> out.put(a, new ArrayList<>()));
    for (JmhResult r : results) {
      out.computeIfAbsent(r.area(), k -> new ArrayList<>()).add(r);
    }
    out.values().removeIf(List::isEmpty);
    return out;
  }

  public static String title(String area) {
    return AREAS.getOrDefault(area, area);
  }

  /** The whole report. {@code command} is what produced it; {@code charts} are relative paths. */
  public static String render(
      List<JmhResult> results, Map<String, String> machine, String command, List<String> charts) {
    return render(results, machine, command, charts, "");
  }

  /** As above, with {@code extra} (already Markdown, e.g. the sizes table) after the tables. */
  public static String render(List<JmhResult> results, Map<String, String> machine,
      String command, List<String> charts, String extra) {
    StringBuilder b = new StringBuilder();
    b.append("# pqzk benchmark report\n\n");
    b.append("Produced by `").append(command).append("`. Figures are medians over every measured ")
        .append("iteration of every fork; *error* is JMH's 99.9% confidence half-width around its ")
        .append("mean. Ratios divide a row's median by its baseline's median, both from this run ")
        .append("(never across runs).\n\n");
    b.append("## Machine\n\n| | |\n|---|---|\n");
    machine.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    b.append('\n');
    for (var area : byArea(results).entrySet()) {
      b.append("## ").append(title(area.getKey())).append("\n\n");
      b.append("| benchmark | parameters | median | error | unit | ratio | baseline |\n");
      b.append("|---|---|---:|---:|---|---:|---|\n");
      for (JmhResult r : area.getValue()) {
        Optional<JmhResult> base = Baselines.of(r, results);
        b.append("| ").append(r.shortName())
            .append(" | ").append(r.paramString())
            .append(" | ").append(fmt(r.median()))
            .append(" | ").append(Double.isNaN(r.scoreError()) ? "" : "± " + fmt(r.scoreError()))
            .append(" | ").append(r.unit())
            .append(" | ").append(base.map(x -> String.format(Locale.ROOT, "%.3f", Baselines.ratio(r, x))).orElse(""))
            .append(" | ").append(base.map(x -> x.shortName() + " " + x.paramString()).orElse(""))
            .append(" |\n");
      }
      List<JmhResult> withSecondary = area.getValue().stream().filter(r -> !r.secondary().isEmpty()).toList();
      if (!withSecondary.isEmpty()) {
        b.append("\nSecondary figures (JMH auxiliary counters, per operation where the benchmark counts operations):\n\n");
        b.append("| benchmark | parameters | metric | value |\n|---|---|---|---:|\n");
        for (JmhResult r : withSecondary) {
          perOperation(r.secondary()).forEach((k, v) -> b.append("| ").append(r.shortName())
              .append(" | ").append(r.paramString()).append(" | ").append(k).append(" | ")
              .append(fmt(v)).append(" |\n"));
        }
      }
      b.append('\n');
    }
    b.append(extra);
    if (!charts.isEmpty()) {
      b.append("## Charts\n\n");
      for (String c : charts) {
        b.append("![").append(c).append("](").append(c).append(")\n\n");
      }
    }
    return b.toString();
  }

  /**
   * Counters JMH sums over iterations become per-operation figures where the benchmark counts its
   * operations: {@code cpuNanos / calls} (CPU time per operation, in microseconds) and
   * {@code proofBytes / proofs} (bytes per proof). Other counters are shown as they are.
   */
  static Map<String, Double> perOperation(Map<String, Double> secondary) {
    Map<String, Double> out = new LinkedHashMap<>(secondary);
    Double calls = out.get("calls");
    Double cpu = out.get("cpuNanos");
    if (calls != null && cpu != null && calls > 0) {
      out.remove("calls");
      out.remove("cpuNanos");
      out.put("CPU time per operation (us)", cpu / calls / 1000);
    }
    Double proofs = out.get("proofs");
    Double bytes = out.get("proofBytes");
    if (proofs != null && bytes != null && proofs > 0) {
      out.remove("proofs");
      out.remove("proofBytes");
      out.put("proof size (bytes)", bytes / proofs);
    }
    return out;
  }

  /** Four significant digits, plain notation: what the tables and the tests agree on. */
  public static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (v == 0) {
      return "0";
    }
    double abs = Math.abs(v);
    int decimals = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 10 ? 2 : abs >= 1 ? 3 : 4 + (int) Math.floor(-Math.log10(abs));
    return String.format(Locale.ROOT, "%." + Math.min(decimals, 9) + "f", v);
  }
}
