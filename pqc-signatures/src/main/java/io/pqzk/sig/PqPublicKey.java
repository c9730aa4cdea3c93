package io.pqzk.sig;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A public key: its parameter set and its raw encoding (FIPS 204 pkEncode, FIPS 205 PK.seed ||
 * PK.root; for composites the concatenation of the two component keys as BouncyCastle encodes
 * it). Immutable; the bytes are copied in and out.
 */
public final class PqPublicKey {
  private final SignatureAlgorithm algorithm;
  private final byte[] raw;
  /** Computed once: batch verification looks every item's key up in a map. */
  private final int hash;

  private PqPublicKey(SignatureAlgorithm algorithm, byte[] raw) {
    this.algorithm = algorithm;
    this.raw = raw;
    this.hash = 31 * algorithm.hashCode() + Arrays.hashCode(raw);
  }

  /**
   * A public key from its raw bytes. The length is checked; the content is checked by the
   * provider when a verifier is built.
   *
   * @throws WrongLengthException if the length is not the parameter set's public key length
   */
  public static PqPublicKey fromRaw(SignatureAlgorithm algorithm, byte[] raw)
      throws WrongLengthException {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(raw, "raw");
    int expected = algorithm.publicKeyLength();
    if (expected >= 0 && raw.length != expected) {
      throw new WrongLengthException(algorithm.displayName() + " public key", raw.length, expected);
    }
    if (expected < 0 && raw.length == 0) {
      throw new WrongLengthException(algorithm.displayName() + " public key", 0, 1);
    }
    return new PqPublicKey(algorithm, raw.clone());
  }

  public SignatureAlgorithm algorithm() {
    return algorithm;
  }

  /** A copy of the raw encoding. */
  public byte[] raw() {
    return raw.clone();
  }

  /** Raw length, without copying. */
  public int length() {
    return raw.length;
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true; // the common case of a batch: one key object shared by many items
    }
    if (!(o instanceof PqPublicKey)) {
      return false;
    }
    PqPublicKey other = (PqPublicKey) o;
    return algorithm == other.algorithm && MessageDigest.isEqual(raw, other.raw);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(algorithm.displayName()).append(" public key ");
    for (int i = 0; i < Math.min(8, raw.length); i++) {
      sb.append(String.format("%02x", raw[i] & 0xff));
    }
    return sb.append("...(").append(raw.length).append(" bytes)").toString();
  }
}
