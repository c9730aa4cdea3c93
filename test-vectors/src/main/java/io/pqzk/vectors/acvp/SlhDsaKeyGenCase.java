package io.pqzk.vectors.acvp;

/**
 * ACVP SLH-DSA keyGen (FIPS 205 Algorithm 18, slh_keygen_internal): answers
 * {@code sk} = SK.seed‖SK.prf‖PK.seed‖PK.root and {@code pk} = PK.seed‖PK.root.
 */
public record SlhDsaKeyGenCase(
    int tgId,
    int tcId,
    String parameterSet,
    byte[] skSeed,
    byte[] skPrf,
    byte[] pkSeed,
    byte[] sk,
    byte[] pk)
    implements AcvpCase {}
