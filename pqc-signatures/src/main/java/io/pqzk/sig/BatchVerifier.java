package io.pqzk.sig;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Parallel batch verification. One verifier is built per distinct (key, options) pair and shared
 * by the items that use it (verifiers are thread-safe), so a block full of transactions from a
 * few validators parses each key once.
 */
final class BatchVerifier {
  private BatchVerifier() {}

  private record VerifierKey(PqPublicKey key, SignatureOptions options) {}

  static void verifyAll(SignatureProvider provider, List<VerificationItem> items)
      throws BatchVerificationException {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(items, "items");
    int n = items.size();
    PqSignatureException[] failed = new PqSignatureException[n];
    Map<VerifierKey, Object> verifiers = new ConcurrentHashMap<>();
    IntStream.range(0, n).parallel().forEach(i -> {
      VerificationItem item = items.get(i);
      try {
        Object v = verifiers.computeIfAbsent(new VerifierKey(item.key(), item.options()), k -> {
          try {
            return provider.verifier(k.key(), k.options());
          } catch (PqSignatureException e) {
            return e; // remembered, so every item with this key reports the same cause
          }
        });
        if (v instanceof PqSignatureException) {
          throw (PqSignatureException) v;
        }
        ((Verifier) v).verify(item.message(), item.signature());
      } catch (PqSignatureException e) {
        failed[i] = e;
      } catch (RuntimeException e) {
        failed[i] = new PqSignatureException("verification failed unexpectedly: " + e, e);
      }
    });
    Map<Integer, PqSignatureException> failures = new java.util.TreeMap<>();
    for (int i = 0; i < n; i++) {
      if (failed[i] != null) {
        failures.put(i, failed[i]);
      }
    }
    if (!failures.isEmpty()) {
      throw new BatchVerificationException(n, failures);
    }
  }
}
