package io.pqzk.sig.encoding;

import io.pqzk.sig.KeyDerivationCostException;
import io.pqzk.sig.MalformedKeyException;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.WrongPassphraseException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * PKCS#8 EncryptedPrivateKeyInfo with PBES2 (RFC 8018 section 6.2, appendix A.4): written with
 * PBKDF2 (HMAC-SHA256) or scrypt (RFC 7914 section 7) and AES-256-CBC, the combinations OpenSSL
 * 3.5 reads; read with PBKDF2 (HMAC-SHA1/224/256/384/512) or scrypt and AES-128/192/256-CBC,
 * AES-256-GCM (what this module wrote before) or DES-EDE3-CBC.
 *
 * <p>The declared work is bounded before any is done ({@link KeyDerivationCostException}): at most
 * {@value #MAX_PBKDF2_ITERATIONS} PBKDF2 iterations; for scrypt at most 128 MiB of memory (128 r N
 * bytes: N = 2^17 at r = 8, the most this module writes, four times OpenSSL's default limit; 1 GiB
 * until a file asking for 372 MiB, N = 2^15, r = 93, ran the fuzzer's 256 MiB heap out of memory)
 * and 1 GiB of mixing (128 r N p; a file asking for 2 GiB, N = 2^15, r = 8, p = 63, took 10 s to
 * refuse by its wrong passphrase, found by the fuzzer). PBKDF2 and the ciphers run on the JDK's
 * own implementations (which use the CPU's SHA and AES instructions), scrypt on BouncyCastle's.
 */
final class Pbes2 {
  /**
   * 3.3 times the 600,000 this module writes; 10^7 (the bound before) took about 9 s with
   * HMAC-SHA256 and 50 s with HMAC-SHA512 on this machine kind (JDK 25, 2 cores under load),
   * chosen by whoever wrote the file. 2,000,000 SHA-512 iterations take about 5 s at most.
   */
  static final int MAX_PBKDF2_ITERATIONS = 2_000_000;
  static final long MAX_SCRYPT_MEMORY = 1L << 27;
  static final long MAX_SCRYPT_WORK = 1L << 30;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ASN1ObjectIdentifier DES_EDE3_CBC = PKCSObjectIdentifiers.des_EDE3_CBC;
  /** id-scrypt, RFC 7914 section 7. */
  private static final ASN1ObjectIdentifier ID_SCRYPT =
      new ASN1ObjectIdentifier("1.3.6.1.4.1.11591.4.11");

  private Pbes2() {}

  /** Encrypts PKCS#8 DER {@code clear} under {@code passphrase} as {@code how} says. */
  static byte[] encrypt(byte[] clear, char[] passphrase, KeyEncryption how)
      throws PqSignatureException {
    byte[] salt = new byte[16];
    byte[] iv = new byte[16];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(iv);
    KeyDerivationFunc kdf = how.isScrypt()
        ? new KeyDerivationFunc(ID_SCRYPT, scryptParams(salt, how.log2N(), how.r(), how.p(), 32))
        : new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2,
            new PBKDF2Params(salt, how.iterations(), new AlgorithmIdentifier(
                PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE)));
    EncryptionScheme scheme = new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC,
        new DEROctetString(iv));
    byte[] key = how.isScrypt()
        ? scrypt(passphrase, salt, 1 << how.log2N(), how.r(), how.p(), 32)
        : pbkdf2("PBKDF2WithHmacSHA256", passphrase, salt, how.iterations(), 32);
    try {
      Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
      byte[] ciphertext = c.doFinal(clear);
      return new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2,
          new PBES2Parameters(kdf, scheme)), ciphertext).getEncoded("DER");
    } catch (GeneralSecurityException | IOException e) {
      throw new PqSignatureException("private key encryption failed: " + e.getMessage(), e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * The PKCS#8 DER inside {@code encrypted}; the caller zeroes it.
   *
   * @throws MalformedKeyException if it is not PBES2 EncryptedPrivateKeyInfo of a supported kind
   * @throws KeyDerivationCostException if the KDF parameters exceed the bounds
   * @throws WrongPassphraseException if decryption fails (wrong passphrase or altered data)
   */
  static byte[] decrypt(byte[] encrypted, char[] passphrase) throws PqSignatureException {
    EncryptedPrivateKeyInfo info;
    PBES2Parameters pbes2;
    try {
      info = EncryptedPrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(encrypted));
      if (!PKCSObjectIdentifiers.id_PBES2.equals(info.getEncryptionAlgorithm().getAlgorithm())) {
        throw new MalformedKeyException("encrypted private key uses "
            + info.getEncryptionAlgorithm().getAlgorithm() + ", not PBES2 (RFC 8018)");
      }
      pbes2 = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
    } catch (IOException | RuntimeException e) {
      throw new MalformedKeyException("not an encrypted PKCS#8 private key", e);
    }
    EncryptionScheme es = pbes2.getEncryptionScheme();
    Scheme scheme = Scheme.of(es.getAlgorithm(), es.getParameters());
    byte[] key = deriveKey(pbes2.getKeyDerivationFunc(), passphrase, scheme.keyLength);
    try {
      Cipher c = Cipher.getInstance(scheme.transformation);
      c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, scheme.keyAlgorithm), scheme.params);
      return c.doFinal(info.getEncryptedData());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new WrongPassphraseException(
          "cannot decrypt the private key: wrong passphrase or the file was altered", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] deriveKey(KeyDerivationFunc kdf, char[] passphrase, int keyLength)
      throws PqSignatureException {
    ASN1ObjectIdentifier oid = kdf.getAlgorithm();
    try {
      if (PKCSObjectIdentifiers.id_PBKDF2.equals(oid)) {
        PBKDF2Params p = PBKDF2Params.getInstance(kdf.getParameters());
        long iterations = p.getIterationCount().longValue();
        if (p.getIterationCount().bitLength() > 62 || iterations > MAX_PBKDF2_ITERATIONS) {
          throw new KeyDerivationCostException("PBKDF2 iteration count", iterations,
              MAX_PBKDF2_ITERATIONS);
        }
        if (iterations < 1) {
          throw new MalformedKeyException("PBKDF2 iteration count " + iterations);
        }
        checkKeyLength(p.getKeyLength(), keyLength);
        return pbkdf2(prf(p.getPrf().getAlgorithm()), passphrase, p.getSalt(), (int) iterations,
            keyLength);
      }
      if (ID_SCRYPT.equals(oid)) {
        ASN1Sequence p = ASN1Sequence.getInstance(kdf.getParameters());
        if (p.size() != 4 && p.size() != 5) {
          throw new MalformedKeyException("scrypt parameters have " + p.size()
              + " fields, expected 4 or 5 (RFC 7914 section 7.1)");
        }
        byte[] salt = ASN1OctetString.getInstance(p.getObjectAt(0)).getOctets();
        long n = bounded(integer(p, 1), "scrypt N");
        long r = bounded(integer(p, 2), "scrypt r");
        long par = bounded(integer(p, 3), "scrypt p");
        if (n < 2 || Long.bitCount(n) != 1 || r < 1 || par < 1) {
          throw new MalformedKeyException("scrypt parameters N=" + n + " r=" + r + " p=" + par);
        }
        long memory = 128 * r * n;
        if (memory > MAX_SCRYPT_MEMORY) {
          throw new KeyDerivationCostException("scrypt memory 128 r N (bytes)", memory,
              MAX_SCRYPT_MEMORY);
        }
        if (memory * par > MAX_SCRYPT_WORK) {
          throw new KeyDerivationCostException("scrypt work 128 r N p (bytes mixed)", memory * par,
              MAX_SCRYPT_WORK);
        }
        checkKeyLength(p.size() == 5 ? integer(p, 4) : null, keyLength);
        return scrypt(passphrase, salt, (int) n, (int) r, (int) par, keyLength);
      }
    } catch (IllegalArgumentException e) {
      throw new MalformedKeyException("malformed key derivation parameters: " + e.getMessage(), e);
    }
    throw new MalformedKeyException("encrypted private key uses key derivation " + oid
        + ", not PBKDF2 or scrypt");
  }

  /**
   * scrypt-params, RFC 7914 section 7.1: SEQUENCE { salt OCTET STRING, costParameter INTEGER,
   * blockSize INTEGER, parallelizationParameter INTEGER, keyLength INTEGER OPTIONAL }.
   */
  private static ASN1Sequence scryptParams(byte[] salt, int log2N, int r, int p, int keyLength) {
    ASN1EncodableVector v = new ASN1EncodableVector(5);
    v.add(new DEROctetString(salt));
    v.add(new ASN1Integer(BigInteger.ONE.shiftLeft(log2N)));
    v.add(new ASN1Integer(r));
    v.add(new ASN1Integer(p));
    v.add(new ASN1Integer(keyLength));
    return new DERSequence(v);
  }

  private static BigInteger integer(ASN1Sequence s, int i) {
    return ASN1Integer.getInstance(s.getObjectAt(i)).getValue();
  }

  /** A declared parameter as a long, refusing values beyond 2^40 as a cost before converting. */
  private static long bounded(BigInteger v, String what) throws KeyDerivationCostException {
    if (v.bitLength() > 40) {
      throw new KeyDerivationCostException(what, Long.MAX_VALUE, 1L << 40);
    }
    return v.longValue();
  }

  private static void checkKeyLength(BigInteger declared, int needed) throws MalformedKeyException {
    if (declared != null && !declared.equals(BigInteger.valueOf(needed))) {
      throw new MalformedKeyException("key derivation declares a " + declared
          + "-byte key for a cipher that takes " + needed);
    }
  }

  private static String prf(ASN1ObjectIdentifier oid) throws MalformedKeyException {
    if (PKCSObjectIdentifiers.id_hmacWithSHA1.equals(oid)) {
      return "PBKDF2WithHmacSHA1";
    }
    if (PKCSObjectIdentifiers.id_hmacWithSHA224.equals(oid)) {
      return "PBKDF2WithHmacSHA224";
    }
    if (PKCSObjectIdentifiers.id_hmacWithSHA256.equals(oid)) {
      return "PBKDF2WithHmacSHA256";
    }
    if (PKCSObjectIdentifiers.id_hmacWithSHA384.equals(oid)) {
      return "PBKDF2WithHmacSHA384";
    }
    if (PKCSObjectIdentifiers.id_hmacWithSHA512.equals(oid)) {
      return "PBKDF2WithHmacSHA512";
    }
    throw new MalformedKeyException("unsupported PBKDF2 PRF " + oid);
  }

  private static byte[] pbkdf2(String algorithm, char[] passphrase, byte[] salt, int iterations,
      int keyLength) throws PqSignatureException {
    PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 8 * keyLength);
    try {
      return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new WrongPassphraseException("cannot derive the key: " + e.getMessage(), e);
    } finally {
      spec.clearPassword();
    }
  }

  /** scrypt over the passphrase's UTF-8 bytes, as RFC 8018 and OpenSSL encode passwords. */
  private static byte[] scrypt(char[] passphrase, byte[] salt, int n, int r, int p, int keyLength) {
    ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
    byte[] pw = new byte[utf8.remaining()];
    utf8.get(pw);
    Arrays.fill(utf8.array(), (byte) 0);
    try {
      return SCrypt.generate(pw, salt, n, r, p, keyLength);
    } finally {
      Arrays.fill(pw, (byte) 0);
    }
  }

  /** A PBES2 encryption scheme this module decrypts: JCA transformation, key size, parameters. */
  private static final class Scheme {
    final String transformation;
    final String keyAlgorithm;
    final int keyLength;
    final java.security.spec.AlgorithmParameterSpec params;

    private Scheme(String transformation, String keyAlgorithm, int keyLength,
        java.security.spec.AlgorithmParameterSpec params) {
      this.transformation = transformation;
      this.keyAlgorithm = keyAlgorithm;
      this.keyLength = keyLength;
      this.params = params;
    }

    static Scheme of(ASN1ObjectIdentifier oid, ASN1Encodable p) throws MalformedKeyException {
      try {
        if (NISTObjectIdentifiers.id_aes128_CBC.equals(oid)) {
          return new Scheme("AES/CBC/PKCS5Padding", "AES", 16, iv(p, 16));
        }
        if (NISTObjectIdentifiers.id_aes192_CBC.equals(oid)) {
          return new Scheme("AES/CBC/PKCS5Padding", "AES", 24, iv(p, 16));
        }
        if (NISTObjectIdentifiers.id_aes256_CBC.equals(oid)) {
          return new Scheme("AES/CBC/PKCS5Padding", "AES", 32, iv(p, 16));
        }
        if (NISTObjectIdentifiers.id_aes256_GCM.equals(oid)) {
          return new Scheme("AES/GCM/NoPadding", "AES", 32, gcm(p));
        }
        if (DES_EDE3_CBC.equals(oid)) {
          return new Scheme("DESede/CBC/PKCS5Padding", "DESede", 24, iv(p, 8));
        }
      } catch (RuntimeException e) {
        throw new MalformedKeyException("malformed parameters of cipher " + oid, e);
      }
      throw new MalformedKeyException("encrypted private key uses cipher " + oid
          + ", not AES-CBC, AES-256-GCM or DES-EDE3-CBC");
    }

    /**
     * GCMParameters, RFC 5084 section 3.2: SEQUENCE { aes-nonce OCTET STRING, aes-ICVlen INTEGER
     * DEFAULT 12 }, the tag length 12 to 16 bytes.
     */
    private static GCMParameterSpec gcm(ASN1Encodable p) throws MalformedKeyException {
      ASN1Sequence s = ASN1Sequence.getInstance(p);
      if (s.size() != 1 && s.size() != 2) {
        throw new MalformedKeyException("AES-GCM parameters have " + s.size() + " fields");
      }
      byte[] nonce = ASN1OctetString.getInstance(s.getObjectAt(0)).getOctets();
      int tag = s.size() == 2 ? ASN1Integer.getInstance(s.getObjectAt(1)).intValueExact() : 12;
      if (tag < 12 || tag > 16) {
        throw new MalformedKeyException("AES-GCM tag length " + tag + ", expected 12 to 16 bytes");
      }
      return new GCMParameterSpec(8 * tag, nonce);
    }

    private static IvParameterSpec iv(ASN1Encodable p, int length) throws MalformedKeyException {
      byte[] iv = ASN1OctetString.getInstance(p).getOctets();
      if (iv.length != length) {
        throw new MalformedKeyException(
            "cipher IV has " + iv.length + " bytes, expected " + length);
      }
      return new IvParameterSpec(iv);
    }
  }
}
