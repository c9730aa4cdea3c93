package io.pqzk.ledger.crypto;

import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.Verifier;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A public key the ledger knows: its algorithm name, its X.509 SubjectPublicKeyInfo encoding and
 * its key id (SHA3-256 of that encoding). Immutable and thread-safe; verifiers are built once per
 * context string and reused (they are thread-safe), so a validator set is decoded once.
 */
public final class LedgerPublicKey {
  private final String algorithm;
  private final byte[] spki;
  private final byte[] keyId;
  private final PqPublicKey key;
  private final ConcurrentHashMap<ByteBuffer, Verifier> verifiers = new ConcurrentHashMap<>();

  LedgerPublicKey(PqPublicKey key) {
    this.algorithm = key.algorithm().displayName();
    this.key = key;
    this.spki = io.pqzk.sig.encoding.KeyCodec.encodePublicKey(key);
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

  PqPublicKey pqKey() {
    return key;
  }

  Verifier verifier(byte[] context) throws PqSignatureException {
    ByteBuffer k = ByteBuffer.wrap(context.clone());
    Verifier v = verifiers.get(k);
    if (v == null) {
      v = Signatures.verifier(key, context);
      Verifier prev = verifiers.putIfAbsent(k, v);
      if (prev != null) {
        v = prev;
      }
    }
    return v;
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
