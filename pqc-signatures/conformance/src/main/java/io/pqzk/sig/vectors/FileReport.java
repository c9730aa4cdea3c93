package io.pqzk.sig.vectors;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result of running one vector file: counts, every failure with its case id, and every skip
 * reason with how many cases it covered.
 *
 * @param name how the file is shown (its path or packaged name)
 * @param kind what the file was recognised as
 * @param failures {@code id: description}, in case order
 * @param skips reason to count
 */
public record FileReport(
    String name, String kind, int passed, List<String> failures, Map<String, Integer> skips) {
  public FileReport {
    failures = List.copyOf(failures);
    skips = Map.copyOf(new TreeMap<>(skips));
  }

  public int failed() {
    return failures.size();
  }

  public int skipped() {
    int n = 0;
    for (int c : skips.values()) {
      n += c;
    }
    return n;
  }

  public int total() {
    return passed + failed() + skipped();
  }

  /**
   * {@code FILE: N passed, M failed, K skipped}, followed by the skip reasons in brackets when
   * there are any.
   */
  public String line() {
    StringBuilder sb = new StringBuilder(name).append(": ").append(passed).append(" passed, ")
        .append(failed()).append(" failed, ").append(skipped()).append(" skipped");
    if (!skips.isEmpty()) {
      sb.append(" (");
      String sep = "";
      for (Map.Entry<String, Integer> e : new TreeMap<>(skips).entrySet()) {
        sb.append(sep).append(e.getValue()).append(": ").append(e.getKey());
        sep = "; ";
      }
      sb.append(')');
    }
    return sb.toString();
  }
}
