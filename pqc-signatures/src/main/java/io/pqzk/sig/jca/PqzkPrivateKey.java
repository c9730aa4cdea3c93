package io.pqzk.sig.jca;

import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.encoding.KeyCodec;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.security.PrivateKey;

/**
 * An ML-DSA or SLH-DSA private key for the JCA: format PKCS#8 in the encoding of {@link
 * KeyCodec} (ML-DSA seed form when the key has its seed). {@link #getEncoded()} returns the
 * secret in clear, as the JCA requires, and each call a new copy for the caller to zero;
 * {@link #destroy()} zeroes this object's copy. Not serialisable, so that a secret never
 * leaves through Java serialisation by accident; {@code toString} is redacted.
 */
final class PqzkPrivateKey implements PrivateKey {
  private static final long serialVersionUID = 1L;
  private final transient PqPrivateKey key;

  PqzkPrivateKey(PqPrivateKey key) {
    this.key = key;
  }

  PqPrivateKey key() {
    return key;
  }

  @Override
  public String getAlgorithm() {
    return key.algorithm().displayName();
  }

  @Override
  public String getFormat() {
    return "PKCS#8";
  }

  /** The PKCS#8 encoding, or {@code null} once destroyed (the JCA's convention for no encoding). */
  @Override
  public byte[] getEncoded() {
    if (key.isDestroyed()) {
      return null;
    }
    try {
      return KeyCodec.encodePrivateKeyUnencrypted(key);
    } catch (PqSignatureException e) {
      return null;
    }
  }

  @Override
  public void destroy() {
    key.destroy();
  }

  @Override
  public boolean isDestroyed() {
    return key.isDestroyed();
  }

  /** Constant-time comparison of the secret parts (see {@link PqPrivateKey#equals}). */
  @Override
  public boolean equals(Object o) {
    return o instanceof PqzkPrivateKey && key.equals(((PqzkPrivateKey) o).key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return key.toString();
  }

  private void writeObject(ObjectOutputStream out) throws NotSerializableException {
    throw new NotSerializableException("private keys are not serialisable; encode them with "
        + "io.pqzk.sig.encoding.KeyCodec (encrypted PKCS#8)");
  }
}
