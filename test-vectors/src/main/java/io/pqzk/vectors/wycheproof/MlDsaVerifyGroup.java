package io.pqzk.vectors.wycheproof;

import java.util.List;

/** A Wycheproof {@code MlDsaVerify} group: raw {@code publicKey} and its SPKI {@code publicKeyDer}. */
public record MlDsaVerifyGroup(byte[] publicKey, byte[] publicKeyDer, List<MlDsaVerifyTest> tests) {
  public MlDsaVerifyGroup {
    tests = List.copyOf(tests);
  }
}
