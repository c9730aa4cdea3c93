package io.pqzk.sig;

/**
 * The pre-hash functions of HashML-DSA (FIPS 204 §5.4, Alg. 4) and HashSLH-DSA (FIPS 205 §10.2,
 * Alg. 23): every hash the NIST ACVP test files use. Each carries the DER encoding of its OID,
 * which is signed inside M' so that a signature names the hash it was made with.
 *
 * <p>SHAKE128 is used with a 256-bit output and SHAKE256 with a 512-bit output, as both
 * standards specify.
 */
public enum PreHash {
  SHA2_224("SHA2-224", 4, 28),
  SHA2_256("SHA2-256", 1, 32),
  SHA2_384("SHA2-384", 2, 48),
  SHA2_512("SHA2-512", 3, 64),
  SHA2_512_224("SHA2-512/224", 5, 28),
  SHA2_512_256("SHA2-512/256", 6, 32),
  SHA3_224("SHA3-224", 7, 28),
  SHA3_256("SHA3-256", 8, 32),
  SHA3_384("SHA3-384", 9, 48),
  SHA3_512("SHA3-512", 10, 64),
  SHAKE_128("SHAKE-128", 11, 32),
  SHAKE_256("SHAKE-256", 12, 64);

  private final String displayName;
  private final int oidArc;
  private final int outputLength;

  PreHash(String displayName, int oidArc, int outputLength) {
    this.displayName = displayName;
    this.oidArc = oidArc;
    this.outputLength = outputLength;
  }

  /** The ACVP name, e.g. {@code SHA2-512/256} or {@code SHAKE-128}. */
  public String displayName() {
    return displayName;
  }

  /** Digest length in bytes (SHAKE outputs fixed as in FIPS 204 Alg. 4). */
  public int outputLength() {
    return outputLength;
  }

  /** Dotted OID, all under NIST's hashAlgs arc 2.16.840.1.101.3.4.2. */
  public String oid() {
    return "2.16.840.1.101.3.4.2." + oidArc;
  }

  /** DER encoding of the OID (tag 06, length 09, value), as it appears in M'. */
  public byte[] oidDer() {
    return new byte[] {
      0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, (byte) oidArc
    };
  }

  /**
   * Looks a pre-hash up by name, ignoring case, '-', '_' and '/' ({@code SHA2-256}, {@code
   * SHA256}, {@code SHA-256}, {@code sha2_512_256}, {@code SHAKE128}).
   *
   * @throws UnknownAlgorithmException if no pre-hash has that name
   */
  public static PreHash fromName(String name) throws UnknownAlgorithmException {
    if (name == null) {
      throw new UnknownAlgorithmException("pre-hash", "null");
    }
    String key = SignatureAlgorithm.normalise(name);
    if (java.util.Set.of("SHA224", "SHA256", "SHA384", "SHA512", "SHA512224", "SHA512256")
        .contains(key)) {
      key = "SHA2" + key.substring(3); // "SHA-256" and "SHA512" mean the SHA-2 family
    }
    for (PreHash h : values()) {
      if (SignatureAlgorithm.normalise(h.displayName).equals(key)
          || SignatureAlgorithm.normalise(h.name()).equals(key)) {
        return h;
      }
    }
    throw new UnknownAlgorithmException("pre-hash", name);
  }

  @Override
  public String toString() {
    return displayName;
  }
}
