package io.pqzk.vectors.wycheproof;

import java.util.List;

/**
 * A Wycheproof {@code MlDsaSign} group. Seed files ({@code mldsa_sign_seed_schema.json}) give
 * {@code privateSeed} (ξ) and usually {@code privateKeyPkcs8}; no-seed files give the expanded
 * {@code privateKey}. {@code publicKey} is null when the private key is invalid.
 */
public record MlDsaSignGroup(
    byte[] privateSeed,
    byte[] privateKeyPkcs8,
    byte[] privateKey,
    byte[] publicKey,
    List<MlDsaSignTest> tests) {
  public MlDsaSignGroup {
    tests = List.copyOf(tests);
  }
}
