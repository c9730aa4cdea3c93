package io.pqzk.vectors.wycheproof;

import java.util.List;

/** One Wycheproof ML-DSA verify test; {@code ctx} is empty when absent. */
public record MlDsaVerifyTest(
    int tcId, String comment, byte[] msg, byte[] ctx, byte[] sig, WycheproofResult result,
    List<String> flags) {
  public MlDsaVerifyTest {
    flags = List.copyOf(flags);
  }
}
