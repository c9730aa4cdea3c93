package io.pqzk.vectors.acvp;

/** ACVP SLH-DSA sigVer; {@code testPassed} is the expected verdict (null without answers). */
public record SlhDsaSigVerCase(
    int tgId,
    int tcId,
    String parameterSet,
    AcvpSigMode mode,
    byte[] pk,
    byte[] message,
    byte[] context,
    String hashAlg,
    byte[] signature,
    Boolean testPassed,
    String reason)
    implements AcvpCase {}
