package io.pqzk.vectors.acvp;

/**
 * ACVP ML-DSA sigGen. {@code rnd} is 32 zero bytes when the group is deterministic (FIPS 204
 * Algorithm 2, line 5); {@code message} is null for {@link AcvpSigMode#EXTERNAL_MU} cases, which
 * give {@code mu}; {@code context} is null where the file has none (internal cases).
 */
public record MlDsaSigGenCase(
    int tgId,
    int tcId,
    String parameterSet,
    AcvpSigMode mode,
    boolean deterministic,
    byte[] sk,
    byte[] message,
    byte[] mu,
    byte[] context,
    String hashAlg,
    byte[] rnd,
    byte[] signature)
    implements AcvpCase {}
