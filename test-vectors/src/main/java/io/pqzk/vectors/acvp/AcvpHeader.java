package io.pqzk.vectors.acvp;

/**
 * The top-level fields every ACVP vector set carries; {@code algorithm}, {@code mode} and
 * {@code revision} say what the file is (e.g. ML-DSA / sigGen / FIPS204).
 */
public record AcvpHeader(long vsId, String algorithm, String mode, String revision, boolean isSample) {}
