package io.pqzk.sig;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Some items of a batch did not verify. Carries every failed index (ascending) with its own
 * exception, whatever order the parallel workers finished in.
 */
public final class BatchVerificationException extends SignatureVerificationException {
  private static final long serialVersionUID = 1L;
  private final int total;
  private final SortedMap<Integer, PqSignatureException> failures;

  public BatchVerificationException(int total, Map<Integer, PqSignatureException> failures) {
    super(message(total, new TreeMap<>(failures)));
    this.total = total;
    this.failures = Collections.unmodifiableSortedMap(new TreeMap<>(failures));
  }

  private static String message(int total, SortedMap<Integer, PqSignatureException> f) {
    StringBuilder sb = new StringBuilder().append(f.size()).append(" of ").append(total)
        .append(" signatures failed verification: item");
    int shown = 0;
    for (Map.Entry<Integer, PqSignatureException> e : f.entrySet()) {
      if (shown++ == 5) {
        sb.append(", ...");
        break;
      }
      sb.append(shown == 1 ? " " : ", ").append(e.getKey()).append(" (")
          .append(e.getValue().getMessage()).append(')');
    }
    return sb.toString();
  }

  /** Number of items in the batch. */
  public int total() {
    return total;
  }

  /** Indices of the failed items, ascending. */
  public int[] failedIndices() {
    return failures.keySet().stream().mapToInt(Integer::intValue).toArray();
  }

  /** Why each failed item failed, by index. */
  public SortedMap<Integer, PqSignatureException> failures() {
    return failures;
  }
}
