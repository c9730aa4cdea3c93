package io.pqzk.records.kem;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.pqc.crypto.xwing.XWingPublicKeyParameters;

/**
 * An X-Wing encapsulation key: the 1216 raw bytes of the draft (ML-KEM-768 encapsulation key,
 * then the X25519 point). Public; immutable. {@link #of} checks the length and that
 * BouncyCastle can parse both halves; ML-KEM's modulus check (FIPS 203 section 7.2) runs at
 * encapsulation, where a key failing it is refused.
 */
public final class KemPublicKey {
  private final byte[] raw;

  private KemPublicKey(byte[] raw) {
    this.raw = raw;
  }

  /** The key with these raw bytes. */
  public static KemPublicKey of(byte[] raw) throws KemException {
    if (raw == null || raw.length != XWing.PUBLIC_KEY_BYTES) {
      throw new KemException("an X-Wing public key is " + XWing.PUBLIC_KEY_BYTES + " bytes, got "
          + (raw == null ? "none" : raw.length));
    }
    try {
      new XWingPublicKeyParameters(raw);
    } catch (RuntimeException e) {
      throw new KemException("not an X-Wing public key: " + e.getMessage(), e);
    }
    return new KemPublicKey(raw.clone());
  }

  public byte[] raw() {
    return raw.clone();
  }

  /** SHA3-256 of the raw key: how files and logs name it. */
  public byte[] keyId() {
    try {
      return MessageDigest.getInstance("SHA3-256").digest(raw);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  XWingPublicKeyParameters parameters() {
    return new XWingPublicKeyParameters(raw);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KemPublicKey k && MessageDigest.isEqual(raw, k.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "X-Wing public key " + HexFormat.of().formatHex(keyId()).substring(0, 16);
  }
}
