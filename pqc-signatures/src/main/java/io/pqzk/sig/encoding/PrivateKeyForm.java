package io.pqzk.sig.encoding;

/**
 * The three ML-DSA private key forms of RFC 9881 §6 (the ML-DSA-PrivateKey CHOICE). SLH-DSA and
 * composite keys have one form each and ignore this.
 */
public enum PrivateKeyForm {
  /** {@code seed [0] IMPLICIT OCTET STRING (SIZE (32))}: the 32-byte xi; the default. */
  SEED,
  /** {@code expandedKey OCTET STRING}: the FIPS 204 skEncode output; what the JDK writes. */
  EXPANDED,
  /** {@code both SEQUENCE {seed, expandedKey}}: what OpenSSL 3.5 writes by default. */
  BOTH
}
