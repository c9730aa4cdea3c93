package io.pqzk.sig.jca;

import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.encoding.KeyCodec;
import java.security.KeyRep;
import java.security.PublicKey;

/**
 * An ML-DSA or SLH-DSA public key for the JCA: algorithm name the parameter set's standard name
 * ("ML-DSA-65"), format X.509, encoding SubjectPublicKeyInfo (RFC 9881, RFC 9909). Immutable.
 */
final class PqzkPublicKey implements PublicKey {
  private static final long serialVersionUID = 1L;
  private final transient PqPublicKey key;
  private final byte[] spki;

  PqzkPublicKey(PqPublicKey key) {
    this.key = key;
    this.spki = KeyCodec.encodePublicKey(key);
  }

  PqPublicKey key() {
    return key;
  }

  @Override
  public String getAlgorithm() {
    return key.algorithm().displayName();
  }

  @Override
  public String getFormat() {
    return "X.509";
  }

  @Override
  public byte[] getEncoded() {
    return spki.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PqzkPublicKey && key.equals(((PqzkPublicKey) o).key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return key.toString();
  }

  /** Serialised as its encoding, rebuilt by a KeyFactory of the algorithm. */
  private Object writeReplace() {
    return new KeyRep(KeyRep.Type.PUBLIC, getAlgorithm(), getFormat(), getEncoded());
  }
}
