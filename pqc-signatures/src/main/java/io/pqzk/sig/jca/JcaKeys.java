package io.pqzk.sig.jca;

import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.encoding.KeyCodec;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;

/**
 * Keys from other providers (BouncyCastle's, the JDK's, any) taken through their standard
 * encodings, and the check that a key is of the algorithm a JCA object was asked for.
 */
final class JcaKeys {
  private JcaKeys() {}

  static PqPublicKey publicKey(PublicKey key) throws InvalidKeyException {
    if (key instanceof PqzkPublicKey) {
      return ((PqzkPublicKey) key).key();
    }
    byte[] der = encoded(key, "X.509");
    try {
      return KeyCodec.decodePublicKey(der);
    } catch (PqSignatureException e) {
      throw new InvalidKeyException("not an ML-DSA or SLH-DSA public key: " + e.getMessage(), e);
    }
  }

  static PqPrivateKey privateKey(PrivateKey key) throws InvalidKeyException {
    if (key instanceof PqzkPrivateKey) {
      return ((PqzkPrivateKey) key).key();
    }
    byte[] der = encoded(key, "PKCS#8");
    try {
      return KeyCodec.decodePrivateKey(der);
    } catch (PqSignatureException e) {
      throw new InvalidKeyException("not an ML-DSA or SLH-DSA private key: " + e.getMessage(), e);
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  private static byte[] encoded(Key key, String format) throws InvalidKeyException {
    if (key == null) {
      throw new InvalidKeyException("key is null");
    }
    byte[] der = format.equalsIgnoreCase(key.getFormat()) ? key.getEncoded() : null;
    if (der == null) {
      throw new InvalidKeyException(key.getClass().getName() + " has no " + format
          + " encoding (format " + key.getFormat() + ")");
    }
    return der;
  }

  /** Whether a key of {@code actual} may be used where {@code family} / {@code fixed} is asked. */
  static void require(SignatureAlgorithm.Family family, SignatureAlgorithm fixed,
      SignatureAlgorithm actual) throws InvalidKeyException {
    if (actual.family() != family || (fixed != null && fixed != actual)) {
      throw new InvalidKeyException(actual.displayName() + " key where "
          + (fixed != null ? fixed.displayName() : family) + " is required");
    }
  }
}
