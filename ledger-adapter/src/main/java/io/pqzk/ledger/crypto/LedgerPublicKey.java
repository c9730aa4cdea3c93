package io.pqzk.ledger.crypto;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A public key the ledger knows: its algorithm name, its X.509 SubjectPublicKeyInfo encoding and
 * its key id (SHA3-256 of that encoding). Immutable and thread-safe; the parsed key is kept so a
 * validator set is decoded once, not per signature.
 */
public final class LedgerPublicKey {
  private final String algorithm;
  private final byte[] spki;
  private final byte[] keyId;
  private final PublicKey key;

  LedgerPublicKey(String algorithm, byte[] spki, PublicKey key) {
    this.algorithm = algorithm;
    this.spki = spki.clone();
    this.key = key;
    this.keyId = keyIdOf(spki);
  }

  /** SHA3-256 of an SPKI encoding: how envelopes and headers name keys. */
  public static byte[] keyIdOf(byte[] spki) {
    try {
      return MessageDigest.getInstance("SHA3-256").digest(spki);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String algorithm() {
    return algorithm;
  }

  public byte[] spki() {
    return spki.clone();
  }

  public byte[] keyId() {
    return keyId.clone();
  }

  public String keyIdHex() {
    return HexFormat.of().formatHex(keyId);
  }

  PublicKey jcaKey() {
    return key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LedgerPublicKey k && algorithm.equals(k.algorithm)
        && Arrays.equals(spki, k.spki);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(keyId);
  }

  @Override
  public String toString() {
    return algorithm + " key " + keyIdHex().substring(0, 16);
  }
}
