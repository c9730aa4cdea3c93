package io.pqzk.bench.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds, for a result, the result it is compared against in the same run, so that every ratio
 * in the report comes from one run. Conventions the benchmarks follow:
 *
 * <ul>
 *   <li>a parameter {@code api} (or {@code via}) with value {@code raw} marks the raw-provider
 *       baseline of the rows that differ from it only by that parameter (the project's API over
 *       the raw provider);
 *   <li>a parameter {@code system} with value {@code stark} is the baseline of the other proof
 *       systems on the same claim;
 *   <li>a method named {@code xxxRaw} (the raw provider) or {@code xxxZokratesJs} (the peer
 *       implementation, zokrates-js) is the baseline of method {@code xxx} in the same class with
 *       the same parameters.
 * </ul>
 */
public final class Baselines {
  private static final Map<String, String> SWITCHES = Map.of("api", "raw", "via", "raw", "system", "stark");

  private static final List<String> PEER_SUFFIXES = List.of("Raw", "ZokratesJs");

  private Baselines() {}

  public static Optional<JmhResult> of(JmhResult r, List<JmhResult> all) {
    for (var sw : SWITCHES.entrySet()) {
      String v = r.params().get(sw.getKey());
      if (v != null && !v.equals(sw.getValue())) {
        Map<String, String> want = new TreeMap<>(r.params());
        want.put(sw.getKey(), sw.getValue());
        Optional<JmhResult> hit = find(all, r.benchmark(), r.mode(), want);
        if (hit.isPresent()) {
          return hit;
        }
      }
    }
    for (String suffix : PEER_SUFFIXES) {
      if (r.benchmark().endsWith(suffix)) {
        return Optional.empty();
      }
    }
    for (String suffix : PEER_SUFFIXES) {
      Optional<JmhResult> hit = find(all, r.benchmark() + suffix, r.mode(), r.params());
      if (hit.isPresent()) {
        return hit;
      }
    }
    return Optional.empty();
  }

  private static Optional<JmhResult> find(
      List<JmhResult> all, String benchmark, String mode, Map<String, String> params) {
    return all.stream()
        .filter(o -> o.benchmark().equals(benchmark) && o.mode().equals(mode))
        .filter(o -> Objects.equals(new TreeMap<>(o.params()), new TreeMap<>(params)))
        .findFirst();
  }

  /**
   * Ratio of a result to its baseline, oriented so that above 1 means slower (for time per
   * operation) or faster (for throughput) exactly as the raw numbers read: result / baseline.
   */
  public static double ratio(JmhResult r, JmhResult baseline) {
    return r.median() / baseline.median();
  }
}
