package io.pqzk.sig.encoding;

import io.pqzk.sig.IncompatibleOptionsException;
import io.pqzk.sig.KeyDerivationCostException;
import io.pqzk.sig.MalformedKeyException;
import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.Signatures;
import io.pqzk.sig.WrongPassphraseException;
import io.pqzk.sig.internal.Oids;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Key encodings: X.509 SubjectPublicKeyInfo and PKCS#8 / OneAsymmetricKey with the RFC 9881
 * (ML-DSA) and RFC 9909 (SLH-DSA) identifiers, PEM, and PKCS#8 encrypted at rest.
 *
 * <p>ML-DSA private keys are read in all three RFC 9881 forms (seed, expanded, both; "both" is
 * checked for consistency) and written in seed form unless asked otherwise. SLH-DSA private keys
 * are the raw 4n-byte key (RFC 9909). Composite keys carry their public key in the
 * OneAsymmetricKey {@code publicKey} field (checked on reading; without it, the public key
 * is derived).
 *
 * <p>Encryption is PBES2 (RFC 8018) with PBKDF2-HMAC-SHA256 (600,000 iterations by default; or
 * scrypt, see {@link KeyEncryption}) and AES-256-CBC, which OpenSSL 3.5 reads; files of earlier
 * versions (scrypt and AES-256-GCM) and OpenSSL's own are read too. CBC is not authenticated:
 * a wrong passphrase is caught by the padding or, rarely, by the PKCS#8 parse that follows, and
 * a file altered on disk either fails the same way or yields a different, useless key (signatures
 * that do not verify under the public key). Writing a private key in clear needs a method whose
 * name says so.
 */
public final class KeyCodec {
  public static final String PEM_PUBLIC = "PUBLIC KEY";
  public static final String PEM_PRIVATE = "PRIVATE KEY";
  public static final String PEM_ENCRYPTED = "ENCRYPTED PRIVATE KEY";

  private KeyCodec() {}

  /** The dotted OID of {@code alg}'s keys. */
  public static String oid(SignatureAlgorithm alg) {
    return Oids.of(alg).getId();
  }

  // ---- public keys ----

  /** X.509 SubjectPublicKeyInfo DER (RFC 9881 §4, RFC 9909 §4: no parameters). */
  public static byte[] encodePublicKey(PqPublicKey key) {
    try {
      return new SubjectPublicKeyInfo(new AlgorithmIdentifier(Oids.of(key.algorithm())), key.raw())
          .getEncoded("DER");
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding failed", e);
    }
  }

  /**
   * Parses SubjectPublicKeyInfo DER.
   *
   * @throws io.pqzk.sig.UnknownAlgorithmException if the OID is not one of ours
   * @throws MalformedKeyException if the DER does not parse or has parameters
   * @throws io.pqzk.sig.WrongLengthException if the key has the wrong length
   */
  public static PqPublicKey decodePublicKey(byte[] spki) throws PqSignatureException {
    SubjectPublicKeyInfo info;
    try {
      info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(spki));
    } catch (IOException | RuntimeException e) {
      throw new MalformedKeyException("public key is not valid SubjectPublicKeyInfo DER", e);
    }
    if (info == null) {
      throw new MalformedKeyException("public key is empty");
    }
    SignatureAlgorithm alg = Oids.algorithm(info.getAlgorithm().getAlgorithm().getId());
    if (info.getAlgorithm().getParameters() != null) {
      throw new MalformedKeyException(alg.displayName()
          + " public key has AlgorithmIdentifier parameters, which RFC 9881/9909 forbid");
    }
    if (info.getPublicKeyData().getPadBits() != 0) {
      throw new MalformedKeyException(alg.displayName() + " public key BIT STRING has pad bits");
    }
    return PqPublicKey.fromRaw(alg, info.getPublicKeyData().getBytes());
  }

  public static String publicKeyToPem(PqPublicKey key) {
    return Pem.encode(PEM_PUBLIC, encodePublicKey(key));
  }

  public static PqPublicKey publicKeyFromPem(String pem) throws PqSignatureException {
    return decodePublicKey(Pem.decode(pem, PEM_PUBLIC));
  }

  // ---- private keys in clear ----

  /** PKCS#8 DER in clear, seed form when the key has a seed. Handle the result as a secret. */
  public static byte[] encodePrivateKeyUnencrypted(PqPrivateKey key) throws PqSignatureException {
    return encodePrivateKeyUnencrypted(key, key.hasSeed() ? PrivateKeyForm.SEED : PrivateKeyForm.EXPANDED);
  }

  /**
   * PKCS#8 DER in clear, in the given RFC 9881 form (ML-DSA only; others have one form).
   *
   * @throws IncompatibleOptionsException if the form needs a seed the key does not have
   */
  public static byte[] encodePrivateKeyUnencrypted(PqPrivateKey key, PrivateKeyForm form)
      throws PqSignatureException {
    SignatureAlgorithm alg = key.algorithm();
    if (key.isDestroyed()) {
      throw new MalformedKeyException(alg.displayName() + " private key has been destroyed");
    }
    byte[] seed = key.seed().orElse(null);
    byte[] expanded = key.expanded().orElse(null);
    try {
      ASN1Encodable inner;
      if (alg.isMlDsa()) {
        if (form != PrivateKeyForm.EXPANDED && seed == null) {
          throw new IncompatibleOptionsException(alg.displayName()
              + " key has no seed (it was imported in expanded form), cannot write form " + form);
        }
        if (form != PrivateKeyForm.SEED && expanded == null) {
          PqPrivateKey full = Signatures.privateKeyFromSeed(alg, seed);
          expanded = full.expanded().orElseThrow();
          full.destroy();
        }
        switch (form) {
          case SEED: inner = new DERTaggedObject(false, 0, new DEROctetString(seed)); break;
          case EXPANDED: inner = new DEROctetString(expanded); break;
          default: inner = new DERSequence(new ASN1Encodable[] {
              new DEROctetString(seed), new DEROctetString(expanded)});
        }
        return new PrivateKeyInfo(new AlgorithmIdentifier(Oids.of(alg)), inner).getEncoded("DER");
      }
      // SLH-DSA (RFC 9909 §6) and composites: the raw key is the privateKey octets themselves
      // (BouncyCastle's PrivateKeyInfo constructor would wrap it in a second OCTET STRING)
      ASN1EncodableVector v = new ASN1EncodableVector();
      v.add(new ASN1Integer(alg.isComposite() ? 1 : 0));
      v.add(new AlgorithmIdentifier(Oids.of(alg)));
      v.add(new DEROctetString(expanded));
      if (alg.isComposite()) {
        v.add(new DERTaggedObject(false, 1, new DERBitString(key.publicKey().raw())));
      }
      return new DERSequence(v).getEncoded("DER");
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding failed", e);
    } finally {
      zero(seed);
      zero(expanded);
    }
  }

  /**
   * Parses PKCS#8 / OneAsymmetricKey DER in clear: any of RFC 9881's three ML-DSA forms, an
   * RFC 9909 SLH-DSA key, or a composite with its public key. A public key in the optional
   * {@code publicKey} field must match the private key.
   *
   * @throws MalformedKeyException if the DER does not parse or the parts disagree
   */
  public static PqPrivateKey decodePrivateKey(byte[] pkcs8) throws PqSignatureException {
    PrivateKeyInfo info;
    try {
      info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(pkcs8));
    } catch (IOException | RuntimeException e) {
      throw new MalformedKeyException("private key is not valid PKCS#8 DER", e);
    }
    if (info == null) {
      throw new MalformedKeyException("private key is empty");
    }
    SignatureAlgorithm alg = Oids.algorithm(info.getPrivateKeyAlgorithm().getAlgorithm().getId());
    byte[] octets = info.getPrivateKey().getOctets();
    try {
      PqPrivateKey key;
      if (alg.isMlDsa()) {
        key = decodeMlDsa(alg, octets);
      } else if (alg.isSlhDsa()) {
        key = Signatures.privateKeyFromExpanded(alg, slhDsaRaw(alg, octets));
      } else {
        key = Signatures.privateKeyFromExpanded(alg, octets);
      }
      if (info.getPublicKeyData() != null) {
        byte[] given = info.getPublicKeyData().getOctets();
        if (!MessageDigest.isEqual(given, key.publicKey().raw())) {
          key.destroy();
          throw new MalformedKeyException(alg.displayName()
              + " PKCS#8 publicKey field does not match the private key");
        }
      }
      return key;
    } finally {
      zero(octets);
    }
  }

  private static PqPrivateKey decodeMlDsa(SignatureAlgorithm alg, byte[] octets)
      throws PqSignatureException {
    ASN1Primitive p;
    try {
      p = ASN1Primitive.fromByteArray(octets);
    } catch (IOException | RuntimeException e) {
      throw new MalformedKeyException(alg.displayName()
          + " private key is not an RFC 9881 ML-DSA-PrivateKey (seed, expandedKey or both)", e);
    }
    if (p instanceof ASN1TaggedObject) {
      ASN1TaggedObject t = (ASN1TaggedObject) p;
      if (t.getTagNo() != 0 || t.getTagClass() != org.bouncycastle.asn1.BERTags.CONTEXT_SPECIFIC) {
        throw new MalformedKeyException(alg.displayName() + " private key has unknown tag ["
            + t.getTagNo() + "]");
      }
      byte[] seed = ASN1OctetString.getInstance(t, false).getOctets();
      try {
        return Signatures.privateKeyFromSeed(alg, seed);
      } finally {
        zero(seed);
      }
    }
    if (p instanceof ASN1OctetString) {
      byte[] expanded = ((ASN1OctetString) p).getOctets();
      try {
        return Signatures.privateKeyFromExpanded(alg, expanded);
      } finally {
        zero(expanded);
      }
    }
    if (p instanceof ASN1Sequence && ((ASN1Sequence) p).size() == 2) {
      ASN1Sequence s = (ASN1Sequence) p;
      byte[] seed = null;
      byte[] expanded = null;
      try {
        seed = ASN1OctetString.getInstance(s.getObjectAt(0)).getOctets();
        expanded = ASN1OctetString.getInstance(s.getObjectAt(1)).getOctets();
      } catch (IllegalArgumentException e) {
        throw new MalformedKeyException(alg.displayName() + " private key 'both' form is malformed", e);
      }
      try {
        PqPrivateKey key = Signatures.privateKeyFromSeed(alg, seed);
        byte[] derived = key.expanded().orElseThrow();
        boolean same = MessageDigest.isEqual(derived, expanded);
        zero(derived);
        if (!same) {
          key.destroy();
          throw new MalformedKeyException(alg.displayName()
              + " private key 'both' form: the expanded key does not match the seed");
        }
        return key;
      } finally {
        zero(seed);
        zero(expanded);
      }
    }
    throw new MalformedKeyException(alg.displayName()
        + " private key is not an RFC 9881 ML-DSA-PrivateKey (seed, expandedKey or both)");
  }

  /** RFC 9909 puts the raw key in privateKey; tolerate one extra OCTET STRING wrapping. */
  private static byte[] slhDsaRaw(SignatureAlgorithm alg, byte[] octets) {
    if (octets.length == alg.privateKeyLength() + 2 && octets[0] == 0x04
        && (octets[1] & 0xff) == alg.privateKeyLength()) {
      return Arrays.copyOfRange(octets, 2, octets.length);
    }
    return octets;
  }

  /** PEM "PRIVATE KEY" in clear. The name is the explicit consent the caller gives. */
  public static String privateKeyToUnencryptedPem(PqPrivateKey key) throws PqSignatureException {
    byte[] der = encodePrivateKeyUnencrypted(key);
    try {
      return Pem.encode(PEM_PRIVATE, der);
    } finally {
      zero(der);
    }
  }

  // ---- encrypted private keys ----

  /**
   * EncryptedPrivateKeyInfo DER with {@link KeyEncryption#defaults()}: PBES2, PBKDF2-HMAC-SHA256
   * with 600,000 iterations and a 16-byte salt, AES-256-CBC; seed form inside. OpenSSL 3.5 reads
   * it ({@code openssl pkey -in key.pem}).
   *
   * @throws IllegalArgumentException if the passphrase is empty
   */
  public static byte[] encryptPrivateKey(PqPrivateKey key, char[] passphrase)
      throws PqSignatureException {
    return encryptPrivateKey(key, passphrase, KeyEncryption.defaults());
  }

  /**
   * EncryptedPrivateKeyInfo DER, PBES2 with the key derivation {@code how} names and AES-256-CBC.
   *
   * @throws IllegalArgumentException if the passphrase is empty
   */
  public static byte[] encryptPrivateKey(PqPrivateKey key, char[] passphrase, KeyEncryption how)
      throws PqSignatureException {
    java.util.Objects.requireNonNull(how, "how");
    if (passphrase == null || passphrase.length == 0) {
      throw new IllegalArgumentException("an empty passphrase does not protect a key");
    }
    byte[] clear = encodePrivateKeyUnencrypted(key);
    try {
      return Pbes2.encrypt(clear, passphrase, how);
    } finally {
      zero(clear);
    }
  }

  /**
   * EncryptedPrivateKeyInfo DER of any clear PKCS#8 PrivateKeyInfo, in this module's default
   * scheme ({@link KeyEncryption#defaults()}): for private keys of other algorithms kept in the
   * same key-file format, such as a custodian's X-Wing KEM keys. The caller wipes {@code pkcs8}.
   *
   * @throws IllegalArgumentException if the passphrase is empty
   */
  public static byte[] encryptPkcs8(byte[] pkcs8, char[] passphrase) throws PqSignatureException {
    if (passphrase == null || passphrase.length == 0) {
      throw new IllegalArgumentException("an empty passphrase does not protect a key");
    }
    return Pbes2.encrypt(pkcs8, passphrase, KeyEncryption.defaults());
  }

  /**
   * Decrypts EncryptedPrivateKeyInfo DER to the clear PKCS#8 PrivateKeyInfo DER, whatever its
   * algorithm, with the same schemes and work bounds as {@link #decryptPrivateKey}; the caller
   * parses it and wipes it.
   *
   * @throws WrongPassphraseException if the passphrase is wrong or the data was altered
   * @throws MalformedKeyException if the DER is not PBES2 EncryptedPrivateKeyInfo of a supported
   *     kind
   * @throws KeyDerivationCostException if the key derivation asks for too much work or memory
   */
  public static byte[] decryptPkcs8(byte[] encrypted, char[] passphrase)
      throws PqSignatureException {
    if (passphrase == null) {
      throw new WrongPassphraseException("the private key is encrypted and no passphrase was given");
    }
    return Pbes2.decrypt(encrypted, passphrase);
  }

  /**
   * Decrypts EncryptedPrivateKeyInfo DER and parses it: PBES2 with PBKDF2 or scrypt and AES-CBC,
   * AES-256-GCM or DES-EDE3-CBC, so this module's files of every version and OpenSSL's are read.
   * The declared key-derivation work is bounded first (see {@link KeyDerivationCostException}).
   *
   * @throws WrongPassphraseException if the passphrase is wrong or the data was altered
   * @throws MalformedKeyException if the DER is not PBES2 EncryptedPrivateKeyInfo of a supported
   *     kind
   * @throws KeyDerivationCostException if the key derivation asks for too much work or memory
   */
  public static PqPrivateKey decryptPrivateKey(byte[] encrypted, char[] passphrase)
      throws PqSignatureException {
    byte[] clear = decryptPkcs8(encrypted, passphrase);
    try {
      return decodePrivateKey(clear);
    } catch (MalformedKeyException e) {
      // CBC under a wrong passphrase ends in valid padding about once in 256 tries: garbage
      throw new WrongPassphraseException(
          "cannot decrypt the private key: wrong passphrase or the file was altered", e);
    } finally {
      zero(clear);
    }
  }

  /** PEM "ENCRYPTED PRIVATE KEY" (see {@link #encryptPrivateKey(PqPrivateKey, char[])}). */
  public static String privateKeyToEncryptedPem(PqPrivateKey key, char[] passphrase)
      throws PqSignatureException {
    return Pem.encode(PEM_ENCRYPTED, encryptPrivateKey(key, passphrase));
  }

  /**
   * Reads a PEM private key: "ENCRYPTED PRIVATE KEY" with {@code passphrase}, or "PRIVATE KEY"
   * in clear (passphrase ignored).
   */
  public static PqPrivateKey privateKeyFromPem(String pem, char[] passphrase)
      throws PqSignatureException {
    String label = Pem.label(pem);
    if (PEM_ENCRYPTED.equals(label)) {
      return decryptPrivateKey(Pem.decode(pem, PEM_ENCRYPTED), passphrase);
    }
    byte[] der = Pem.decode(pem, PEM_PRIVATE);
    try {
      return decodePrivateKey(der);
    } finally {
      zero(der);
    }
  }

  /** Whether {@code pem} holds an encrypted private key (so the caller knows to ask). */
  public static boolean isEncryptedPem(String pem) {
    return PEM_ENCRYPTED.equals(Pem.label(pem));
  }

  private static void zero(byte[] b) {
    if (b != null) {
      Arrays.fill(b, (byte) 0);
    }
  }

}
