package io.pqzk.vectors.acvp;

/** ACVP ML-DSA keyGen (FIPS 204 Algorithm 6): ξ = {@code seed}; answers {@code pk}, expanded {@code sk}. */
public record MlDsaKeyGenCase(int tgId, int tcId, String parameterSet, byte[] seed, byte[] pk, byte[] sk)
    implements AcvpCase {}
