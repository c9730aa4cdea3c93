package io.pqzk.sig.jca;

import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.encoding.KeyCodec;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactorySpi;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * {@code KeyFactory} for ML-DSA and SLH-DSA keys: X.509 SubjectPublicKeyInfo and PKCS#8 (every
 * RFC 9881 ML-DSA private key form; the "both" form checked), through {@link KeyCodec}. A key of
 * another parameter set than the factory's is refused with {@link InvalidKeySpecException}.
 */
final class PqzkKeyFactorySpi extends KeyFactorySpi {
  private final SignatureAlgorithm.Family family;
  private final SignatureAlgorithm fixed;

  PqzkKeyFactorySpi(SignatureAlgorithm.Family family, SignatureAlgorithm fixed) {
    this.family = family;
    this.fixed = fixed;
  }

  @Override
  protected PublicKey engineGeneratePublic(KeySpec spec) throws InvalidKeySpecException {
    if (!(spec instanceof X509EncodedKeySpec)) {
      throw new InvalidKeySpecException("only X509EncodedKeySpec is supported, not " + name(spec));
    }
    try {
      PqPublicKey pk = KeyCodec.decodePublicKey(((X509EncodedKeySpec) spec).getEncoded());
      JcaKeys.require(family, fixed, pk.algorithm());
      return new PqzkPublicKey(pk);
    } catch (PqSignatureException | InvalidKeyException e) {
      throw new InvalidKeySpecException(e.getMessage(), e);
    }
  }

  @Override
  protected PrivateKey engineGeneratePrivate(KeySpec spec) throws InvalidKeySpecException {
    if (!(spec instanceof PKCS8EncodedKeySpec)) {
      throw new InvalidKeySpecException("only PKCS8EncodedKeySpec is supported, not " + name(spec));
    }
    byte[] der = ((PKCS8EncodedKeySpec) spec).getEncoded();
    try {
      PqPrivateKey sk = KeyCodec.decodePrivateKey(der);
      try {
        JcaKeys.require(family, fixed, sk.algorithm());
      } catch (InvalidKeyException e) {
        sk.destroy();
        throw e;
      }
      return new PqzkPrivateKey(sk);
    } catch (PqSignatureException | InvalidKeyException e) {
      throw new InvalidKeySpecException(e.getMessage(), e);
    } finally {
      java.util.Arrays.fill(der, (byte) 0);
    }
  }

  @Override
  protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> spec)
      throws InvalidKeySpecException {
    Key ours;
    try {
      ours = engineTranslateKey(key);
    } catch (InvalidKeyException e) {
      throw new InvalidKeySpecException(e.getMessage(), e);
    }
    if (ours instanceof PublicKey && spec.isAssignableFrom(X509EncodedKeySpec.class)) {
      return spec.cast(new X509EncodedKeySpec(ours.getEncoded()));
    }
    if (ours instanceof PrivateKey && spec.isAssignableFrom(PKCS8EncodedKeySpec.class)) {
      byte[] der = ours.getEncoded();
      if (der == null) {
        throw new InvalidKeySpecException("the private key has been destroyed");
      }
      try {
        return spec.cast(new PKCS8EncodedKeySpec(der));
      } finally {
        java.util.Arrays.fill(der, (byte) 0);
      }
    }
    throw new InvalidKeySpecException(key.getClass().getSimpleName() + " has no " + spec.getName());
  }

  @Override
  protected Key engineTranslateKey(Key key) throws InvalidKeyException {
    if (key instanceof PublicKey) {
      PqPublicKey pk = JcaKeys.publicKey((PublicKey) key);
      JcaKeys.require(family, fixed, pk.algorithm());
      return key instanceof PqzkPublicKey ? key : new PqzkPublicKey(pk);
    }
    if (key instanceof PrivateKey) {
      PqPrivateKey sk = JcaKeys.privateKey((PrivateKey) key);
      JcaKeys.require(family, fixed, sk.algorithm());
      return key instanceof PqzkPrivateKey ? key : new PqzkPrivateKey(sk);
    }
    throw new InvalidKeyException("neither a public nor a private key: "
        + (key == null ? "null" : key.getClass().getName()));
  }

  private static String name(KeySpec spec) {
    return spec == null ? "null" : spec.getClass().getName();
  }
}
