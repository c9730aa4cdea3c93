package io.pqzk.bench.sig;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a JMH JSON result ({@code -rf json -rff FILE}) of {@link MlDsaBenchmark} and
 * {@link SlhDsaBenchmark} (and {@link KeygenBenchmark}) and prints, per operation, algorithm,
 * message size and provider, the time through
 * the project's API, the time through the raw provider, and the overhead
 * {@code pqzk / raw - 1} with its error (the two scores' relative errors added, a conservative
 * bound), once from JMH's wall-clock score and once from the thread CPU time that {@link CpuTime}
 * counts (the steadier of the two on a shared machine, and the one the threshold is checked
 * against). Exit 1 when any overhead exceeds the threshold (default 5%, or the second argument).
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.pqzk.bench.sig.OverheadReport result.json [5]}
 */
public final class OverheadReport {
  private OverheadReport() {}

  /**
   * Score and error of one benchmark, in the unit JMH reported, and its CPU time per operation
   * in microseconds with the spread over iterations (NaN when the run had no {@link CpuTime}).
   */
  private record Score(double value, double error, String unit, double cpuUs, double cpuErr) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: OverheadReport RESULT.json [MAX-OVERHEAD-PERCENT]");
      System.exit(2);
    }
    double max = args.length == 2 ? Double.parseDouble(args[1]) : 5.0;
    JsonArray results;
    try (Reader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      results = JsonParser.parseReader(r).getAsJsonArray();
    }
    Map<String, Score> pqzk = new TreeMap<>();
    Map<String, Score> raw = new TreeMap<>();
    for (JsonElement e : results) {
      JsonObject o = e.getAsJsonObject();
      JsonObject params = o.getAsJsonObject("params");
      if (params == null || !params.has("api")) {
        continue;
      }
      String bench = o.get("benchmark").getAsString();
      String op = bench.substring(bench.lastIndexOf('.') + 1);
      String alg = null;
      for (String name : new String[] {"mldsa", "slhdsa", "alg"}) {
        if (params.has(name)) {
          alg = params.get(name).getAsString();
        }
      }
      String msg = params.has("msg") ? params.get("msg").getAsString() : "-";
      String key = String.format(Locale.ROOT, "%-20s %7s %-4s %-7s", alg, msg,
          params.get("provider").getAsString(), op);
      JsonObject m = o.getAsJsonObject("primaryMetric");
      double err = m.get("scoreError").isJsonPrimitive()
          && m.get("scoreError").getAsJsonPrimitive().isNumber()
          ? m.get("scoreError").getAsDouble() : Double.NaN;
      double[] cpu = cpuPerOp(o.getAsJsonObject("secondaryMetrics"));
      Score s = new Score(m.get("score").getAsDouble(), err, m.get("scoreUnit").getAsString(),
          cpu[0], cpu[1]);
      (params.get("api").getAsString().equals("pqzk") ? pqzk : raw).put(key, s);
    }
    System.out.printf(Locale.ROOT, "%-20s %7s %-4s %-7s %14s %14s %9s %9s | %12s %12s %9s %9s%n",
        "algorithm", "msg", "prov", "op", "pqzk wall", "raw wall", "overhead", "+/-",
        "pqzk cpu us", "raw cpu us", "overhead", "+/-");
    int over = 0;
    int rows = 0;
    for (Map.Entry<String, Score> e : pqzk.entrySet()) {
      Score p = e.getValue();
      Score r = raw.get(e.getKey());
      if (r == null) {
        continue;
      }
      rows++;
      double overhead = (p.value() / r.value() - 1) * 100;
      double relErr = (p.error() / p.value() + r.error() / r.value()) * 100;
      double cpuOverhead = (p.cpuUs() / r.cpuUs() - 1) * 100;
      double cpuRelErr = (p.cpuErr() / p.cpuUs() + r.cpuErr() / r.cpuUs()) * 100;
      // the CPU figure decides when present: wall time on a shared machine measures the load
      if ((Double.isNaN(cpuOverhead) ? overhead : cpuOverhead) > max) {
        over++;
      }
      System.out.printf(Locale.ROOT,
          "%s %10.1f %-3s %10.1f %-3s %8.1f%% %8.1f%% | %12.1f %12.1f %8.1f%% %8.1f%%%n",
          e.getKey(), p.value(), unit(p), r.value(), unit(r), overhead, relErr,
          p.cpuUs(), r.cpuUs(), cpuOverhead, cpuRelErr);
    }
    System.out.printf(Locale.ROOT, "%d comparisons, %d above %.1f%% overhead%n", rows, over, max);
    System.exit(over == 0 && rows > 0 ? 0 : 1);
  }

  /**
   * CPU microseconds per operation from {@link CpuTime}'s counters: the mean over measurement
   * iterations of cpuNanos / calls, and their standard deviation; NaN when absent.
   */
  private static double[] cpuPerOp(JsonObject secondary) {
    if (secondary == null || !secondary.has("cpuNanos") || !secondary.has("calls")) {
      return new double[] {Double.NaN, Double.NaN};
    }
    JsonArray nanos = secondary.getAsJsonObject("cpuNanos").getAsJsonArray("rawData");
    JsonArray calls = secondary.getAsJsonObject("calls").getAsJsonArray("rawData");
    double sum = 0;
    double sumSq = 0;
    int n = 0;
    for (int f = 0; f < nanos.size(); f++) {
      JsonArray fn = nanos.get(f).getAsJsonArray();
      JsonArray fc = calls.get(f).getAsJsonArray();
      for (int i = 0; i < fn.size(); i++) {
        double c = fc.get(i).getAsDouble();
        if (c > 0) {
          double us = fn.get(i).getAsDouble() / c / 1000;
          sum += us;
          sumSq += us * us;
          n++;
        }
      }
    }
    if (n == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double mean = sum / n;
    double sd = n > 1 ? Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1))) : Double.NaN;
    return new double[] {mean, sd};
  }

  private static String unit(Score s) {
    return s.unit().replace("/op", "");
  }
}
