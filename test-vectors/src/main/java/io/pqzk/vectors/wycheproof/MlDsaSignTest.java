package io.pqzk.vectors.wycheproof;

import java.util.List;

/**
 * One Wycheproof ML-DSA sign test (mldsa_sign_common.json). {@code msg} is null for tests flagged
 * {@code Internal}, which sign {@code mu} directly; {@code ctx} is empty when absent; {@code rnd}
 * is null for deterministic signing (32 zero bytes); {@code sig} is empty when signing must fail.
 */
public record MlDsaSignTest(
    int tcId,
    String comment,
    byte[] msg,
    byte[] ctx,
    byte[] rnd,
    byte[] mu,
    byte[] sig,
    WycheproofResult result,
    List<String> flags) {
  public MlDsaSignTest {
    flags = List.copyOf(flags);
  }

  /** True for tests that give μ instead of a message (FIPS 204 external mu / Sign_internal). */
  public boolean isInternal() {
    return flags.contains("Internal");
  }
}
