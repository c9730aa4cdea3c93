package io.pqzk.sig.encoding;

/**
 * How {@link KeyCodec} encrypts a private key at rest: PKCS#8 EncryptedPrivateKeyInfo with PBES2
 * (RFC 8018 section 6.2) and AES-256-CBC, the key derived from the passphrase by PBKDF2 with
 * HMAC-SHA256 (the default) or by scrypt (RFC 7914). Both are read by OpenSSL 3.5 ({@code openssl
 * pkey}), scrypt only up to 32 MiB of memory (N r 128 bytes: N = 2^14 at r = 8), its default
 * limit. Immutable.
 */
public final class KeyEncryption {
  /** The default PBKDF2 iteration count, OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
  public static final int DEFAULT_PBKDF2_ITERATIONS = 600_000;
  /** The least PBKDF2 iteration count this module writes. */
  public static final int MIN_PBKDF2_ITERATIONS = 100_000;

  private final boolean scrypt;
  private final int iterations;
  private final int log2N;
  private final int r;
  private final int p;

  private KeyEncryption(boolean scrypt, int iterations, int log2N, int r, int p) {
    this.scrypt = scrypt;
    this.iterations = iterations;
    this.log2N = log2N;
    this.r = r;
    this.p = p;
  }

  /** PBKDF2-HMAC-SHA256 with {@link #DEFAULT_PBKDF2_ITERATIONS}, AES-256-CBC. */
  public static KeyEncryption defaults() {
    return pbkdf2(DEFAULT_PBKDF2_ITERATIONS);
  }

  /**
   * PBKDF2-HMAC-SHA256 with the given iteration count, 16-byte salt, AES-256-CBC.
   *
   * @throws IllegalArgumentException if {@code iterations} is below {@link
   *     #MIN_PBKDF2_ITERATIONS} or above what {@link KeyCodec} reads back
   */
  public static KeyEncryption pbkdf2(int iterations) {
    if (iterations < MIN_PBKDF2_ITERATIONS || iterations > Pbes2.MAX_PBKDF2_ITERATIONS) {
      throw new IllegalArgumentException("PBKDF2 iterations must be in " + MIN_PBKDF2_ITERATIONS
          + ".." + Pbes2.MAX_PBKDF2_ITERATIONS + ", was " + iterations);
    }
    return new KeyEncryption(false, iterations, 0, 0, 0);
  }

  /**
   * scrypt with N = 2^log2N, r = 8, p = 1, 16-byte salt, AES-256-CBC. OpenSSL 3.5 reads
   * log2N = 14 (its default and largest at r = 8); 15 and more need {@code openssl} with a raised
   * memory limit, which {@code openssl pkey} does not offer. At most 17 (128 MiB), the most
   * this module reads back.
   *
   * @throws IllegalArgumentException if log2N is outside 14..17
   */
  public static KeyEncryption scrypt(int log2N) {
    if (log2N < 14 || log2N > 17) {
      throw new IllegalArgumentException("scrypt log2 N must be in 14..17, was " + log2N);
    }
    return new KeyEncryption(true, 0, log2N, 8, 1);
  }

  boolean isScrypt() {
    return scrypt;
  }

  int iterations() {
    return iterations;
  }

  int log2N() {
    return log2N;
  }

  int r() {
    return r;
  }

  int p() {
    return p;
  }

  @Override
  public String toString() {
    return scrypt ? "PBES2 scrypt N=2^" + log2N + " r=" + r + " p=" + p + ", AES-256-CBC"
        : "PBES2 PBKDF2-HMAC-SHA256 " + iterations + " iterations, AES-256-CBC";
  }
}
