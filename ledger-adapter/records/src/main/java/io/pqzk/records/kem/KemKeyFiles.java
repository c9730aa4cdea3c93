package io.pqzk.records.kem;

import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.WrongPassphraseException;
import io.pqzk.sig.encoding.KeyCodec;
import io.pqzk.sig.encoding.Pem;
import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * X-Wing keys in files, as the draft's section 8 encodes them: the public key as a
 * SubjectPublicKeyInfo ("PUBLIC KEY" PEM) whose subjectPublicKey is the 1216 raw bytes, the
 * private key as a PKCS#8 OneAsymmetricKey whose privateKey is the 32-byte seed, both under the
 * id-XWing object identifier without parameters, and no public key inside the private one. The
 * private key is written encrypted in the signature keys' own scheme (PBES2, PBKDF2, AES-256-CBC:
 * {@link KeyCodec#encryptPkcs8}), so one passphrase habit covers every key a node holds.
 */
public final class KemKeyFiles {
  private static final AlgorithmIdentifier ID_XWING =
      new AlgorithmIdentifier(new ASN1ObjectIdentifier(XWing.OID));

  private KemKeyFiles() {}

  /** SPKI DER of {@code key}. */
  public static byte[] encodePublic(KemPublicKey key) {
    try {
      return new SubjectPublicKeyInfo(ID_XWING, key.raw()).getEncoded("DER");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads SPKI DER; refuses another algorithm, parameters, or a non-canonical encoding. */
  public static KemPublicKey decodePublic(byte[] spki) throws KemException {
    SubjectPublicKeyInfo info;
    try {
      info = SubjectPublicKeyInfo.getInstance(spki);
    } catch (RuntimeException e) {
      throw new KemException("not a SubjectPublicKeyInfo: " + e.getMessage(), e);
    }
    if (!ID_XWING.equals(info.getAlgorithm())) {
      throw new KemException("public key is " + info.getAlgorithm().getAlgorithm()
          + ", not X-Wing (" + XWing.OID + ", no parameters)");
    }
    KemPublicKey key = KemPublicKey.of(info.getPublicKeyData().getOctets());
    if (!Arrays.equals(encodePublic(key), spki)) {
      throw new KemException("X-Wing public key is not in canonical DER");
    }
    return key;
  }

  /** Clear PKCS#8 DER: a secret, the caller wipes it. */
  public static byte[] encodePrivate(KemPrivateKey key) {
    byte[] seed = key.seed();
    try {
      // OneAsymmetricKey v1: version 0, the algorithm, the seed itself as the privateKey octets
      return new DERSequence(new ASN1Encodable[] {new ASN1Integer(0), ID_XWING,
          new DEROctetString(seed)}).getEncoded("DER");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * Reads clear PKCS#8 DER as the draft writes it (an OCTET STRING holding the raw seed);
   * refuses another algorithm and a key that carries a public key or attributes.
   */
  public static KemPrivateKey decodePrivate(byte[] pkcs8) throws KemException {
    PrivateKeyInfo info;
    try {
      info = PrivateKeyInfo.getInstance(pkcs8);
    } catch (RuntimeException e) {
      throw new KemException("not a PKCS#8 private key: " + e.getMessage(), e);
    }
    if (!ID_XWING.equals(info.getPrivateKeyAlgorithm())) {
      throw new KemException("private key is " + info.getPrivateKeyAlgorithm().getAlgorithm()
          + ", not X-Wing (" + XWing.OID + ")");
    }
    if (info.hasPublicKey() || info.getAttributes() != null) {
      throw new KemException("an X-Wing private key carries neither a public key nor attributes");
    }
    ASN1OctetString s = info.getPrivateKey();
    byte[] seed = s.getOctets();
    try {
      return KemPrivateKey.fromSeed(seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** PEM "PUBLIC KEY". */
  public static String publicToPem(KemPublicKey key) {
    return Pem.encode(KeyCodec.PEM_PUBLIC, encodePublic(key));
  }

  /** Reads PEM "PUBLIC KEY" holding an X-Wing key. */
  public static KemPublicKey publicFromPem(String pem) throws KemException {
    try {
      return decodePublic(Pem.decode(pem, KeyCodec.PEM_PUBLIC));
    } catch (PqSignatureException e) {
      throw new KemException(e.getMessage(), e);
    }
  }

  /** PEM "ENCRYPTED PRIVATE KEY" under {@code passphrase}. */
  public static String privateToEncryptedPem(KemPrivateKey key, char[] passphrase) {
    byte[] clear = encodePrivate(key);
    try {
      return Pem.encode(KeyCodec.PEM_ENCRYPTED, KeyCodec.encryptPkcs8(clear, passphrase));
    } catch (PqSignatureException e) {
      throw new IllegalStateException("cannot encrypt the X-Wing key: " + e.getMessage(), e);
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /** PEM "PRIVATE KEY" in clear: the name is the caller's explicit consent. */
  public static String privateToUnencryptedPem(KemPrivateKey key) {
    byte[] clear = encodePrivate(key);
    try {
      return Pem.encode(KeyCodec.PEM_PRIVATE, clear);
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /**
   * Reads a PEM private key, "ENCRYPTED PRIVATE KEY" with {@code passphrase} or "PRIVATE KEY".
   *
   * @throws WrongKemPassphraseException when the passphrase is wrong or the file was altered
   */
  public static KemPrivateKey privateFromPem(String pem, char[] passphrase) throws KemException {
    byte[] clear = null;
    try {
      String label = Pem.label(pem);
      clear = KeyCodec.PEM_ENCRYPTED.equals(label)
          ? KeyCodec.decryptPkcs8(Pem.decode(pem, KeyCodec.PEM_ENCRYPTED), passphrase)
          : Pem.decode(pem, KeyCodec.PEM_PRIVATE);
      return decodePrivate(clear);
    } catch (WrongPassphraseException e) {
      throw new WrongKemPassphraseException(e.getMessage(), e);
    } catch (PqSignatureException e) {
      throw new KemException(e.getMessage(), e);
    } finally {
      if (clear != null) {
        Arrays.fill(clear, (byte) 0);
      }
    }
  }

  /** Whether {@code pem} holds an X-Wing public key (and not a signature key). */
  public static boolean isXWingPublicPem(String pem) {
    try {
      publicFromPem(pem);
      return true;
    } catch (KemException e) {
      return false;
    }
  }
}
