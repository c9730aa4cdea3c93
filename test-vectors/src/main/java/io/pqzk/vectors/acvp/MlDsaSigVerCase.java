package io.pqzk.vectors.acvp;

/**
 * ACVP ML-DSA sigVer. {@code testPassed} is the expected verdict (null without answers);
 * {@code reason} is the internalProjection's note on what was modified (may be null).
 */
public record MlDsaSigVerCase(
    int tgId,
    int tcId,
    String parameterSet,
    AcvpSigMode mode,
    byte[] pk,
    byte[] message,
    byte[] mu,
    byte[] context,
    String hashAlg,
    byte[] signature,
    Boolean testPassed,
    String reason)
    implements AcvpCase {}
