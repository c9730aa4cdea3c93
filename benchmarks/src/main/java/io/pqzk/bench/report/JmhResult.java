package io.pqzk.bench.report;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * One JMH result row as JMH writes it with {@code -rf json}: the benchmark, its parameters, and
 * the primary metric with every iteration's raw score, from which the median is taken (JMH's own
 * "score" is a mean, which one noisy iteration moves).
 */
public record JmhResult(
    String benchmark,
    String mode,
    Map<String, String> params,
    String unit,
    double score,
    double scoreError,
    double[] rawScores,
    Map<String, Double> secondary) {

  public JmhResult {
    params = new TreeMap<>(params);
    rawScores = rawScores.clone();
    secondary = new TreeMap<>(secondary);
  }

  /** Median of every iteration of every fork; JMH's mean score when no raw data was kept. */
  public double median() {
    if (rawScores.length == 0) {
      return score;
    }
    double[] s = rawScores.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  /** Simple class name and method, e.g. {@code SignatureBench.sign}. */
  public String shortName() {
    int method = benchmark.lastIndexOf('.');
    int cls = benchmark.lastIndexOf('.', method - 1);
    return benchmark.substring(cls + 1);
  }

  /** The package segment after {@code io.pqzk.bench.}, e.g. {@code sig}; "other" when absent. */
  public String area() {
    String prefix = "io.pqzk.bench.";
    if (!benchmark.startsWith(prefix)) {
      return "other";
    }
    String rest = benchmark.substring(prefix.length());
    int dot = rest.indexOf('.');
    int second = rest.indexOf('.', dot + 1);
    return second < 0 ? "other" : rest.substring(0, dot);
  }

  /** Parameters rendered as {@code k=v, k=v}. */
  public String paramString() {
    StringBuilder b = new StringBuilder();
    params.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return b.toString();
  }
}
