package io.pqzk.ledger.quorum;

import io.pqzk.ledger.crypto.LedgerPublicKey;
import java.util.List;

/**
 * Who may sign a certificate and how many must: member {@code i} signs with {@code mlDsa.get(i)}
 * (and {@code slhDsa.get(i)} when SLH-DSA signatures are required), and at least {@code
 * threshold} distinct members must.
 */
public record SignerSet(List<String> names, List<LedgerPublicKey> mlDsa,
    List<LedgerPublicKey> slhDsa, int threshold, boolean slhDsaRequired) {

  public SignerSet {
    names = List.copyOf(names);
    mlDsa = List.copyOf(mlDsa);
    slhDsa = slhDsa == null ? List.of() : List.copyOf(slhDsa);
    if (names.size() != mlDsa.size() || (!slhDsa.isEmpty() && slhDsa.size() != mlDsa.size())) {
      throw new IllegalArgumentException("one name, one ML-DSA key (and one SLH-DSA key) each");
    }
    if (slhDsaRequired && slhDsa.isEmpty()) {
      throw new IllegalArgumentException("SLH-DSA signatures required but no SLH-DSA keys given");
    }
    if (threshold < 1 || threshold > mlDsa.size()) {
      throw new IllegalArgumentException("threshold " + threshold + " outside 1.." + mlDsa.size());
    }
  }

  /** floor(2n/3)+1: the commit quorum of n validators, which f = floor((n-1)/3) keys cannot reach. */
  public static int commitThreshold(int n) {
    return 2 * n / 3 + 1;
  }

  public int size() {
    return mlDsa.size();
  }
}
