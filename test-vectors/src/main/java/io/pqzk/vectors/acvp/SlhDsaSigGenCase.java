package io.pqzk.vectors.acvp;

/**
 * ACVP SLH-DSA sigGen. {@code additionalRandomness} is null when deterministic (then opt_rand =
 * PK.seed, FIPS 205 Algorithm 19 line 2). {@code signature} is null for prompt-only sets, which
 * can only be signed and then verified with the public key inside {@code sk}.
 */
public record SlhDsaSigGenCase(
    int tgId,
    int tcId,
    String parameterSet,
    AcvpSigMode mode,
    boolean deterministic,
    byte[] sk,
    byte[] message,
    byte[] context,
    String hashAlg,
    byte[] additionalRandomness,
    byte[] signature)
    implements AcvpCase {}
