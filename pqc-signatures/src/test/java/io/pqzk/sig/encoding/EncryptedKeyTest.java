package io.pqzk.sig.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.sig.KeyDerivationCostException;
import io.pqzk.sig.MalformedKeyException;
import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.Signatures;
import io.pqzk.sig.WrongPassphraseException;
import io.pqzk.sig.internal.bc.BcJca;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.misc.ScryptParams;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.util.ScryptConfig;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Encrypted PKCS#8: the format written now (PBES2, PBKDF2-HMAC-SHA256 600,000 iterations or
 * scrypt, AES-256-CBC), the format earlier versions wrote (scrypt N = 2^15, AES-256-GCM), files
 * OpenSSL 3.5 wrote (test resources {@code openssl/}, passphrase "openssl pass"), and the bounds
 * on declared key-derivation work, checked before any work is done.
 */
class EncryptedKeyTest {
  private static final char[] PASS = "correct horse battery staple".toCharArray();
  private static final byte[] MSG = {1, 2, 3};

  static PqKeyPair keys(SignatureAlgorithm alg) throws Exception {
    return KeyCodecTest.keys(alg);
  }

  private static PBES2Parameters pbes2(byte[] der) throws Exception {
    EncryptedPrivateKeyInfo info = EncryptedPrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
    assertEquals(PKCSObjectIdentifiers.id_PBES2, info.getEncryptionAlgorithm().getAlgorithm());
    return PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
  }

  @Test
  void defaultFormat_isPbkdf2Sha256WithAes256Cbc_andRoundTrips() throws Exception {
    PqKeyPair kp = keys(SignatureAlgorithm.ML_DSA_65);
    String pem = KeyCodec.privateKeyToEncryptedPem(kp.privateKey(), PASS);
    byte[] der = Pem.decode(pem, KeyCodec.PEM_ENCRYPTED);
    PBES2Parameters p = pbes2(der);
    assertEquals(PKCSObjectIdentifiers.id_PBKDF2, p.getKeyDerivationFunc().getAlgorithm());
    PBKDF2Params kdf = PBKDF2Params.getInstance(p.getKeyDerivationFunc().getParameters());
    assertEquals(BigInteger.valueOf(600_000), kdf.getIterationCount());
    assertEquals(16, kdf.getSalt().length);
    assertEquals(PKCSObjectIdentifiers.id_hmacWithSHA256, kdf.getPrf().getAlgorithm());
    assertEquals(NISTObjectIdentifiers.id_aes256_CBC, p.getEncryptionScheme().getAlgorithm());

    assertEquals(kp.privateKey(), KeyCodec.privateKeyFromPem(pem, PASS));
    assertThrows(WrongPassphraseException.class, () -> KeyCodec.privateKeyFromPem(pem, "wrong".toCharArray()));
    assertThrows(WrongPassphraseException.class, () -> KeyCodec.privateKeyFromPem(pem, null));
    byte[] tampered = der.clone();
    tampered[tampered.length - 20] ^= 1; // in the last-but-one cipher block: padding breaks
    assertThrows(WrongPassphraseException.class, () -> KeyCodec.decryptPrivateKey(tampered, PASS));
  }

  @Test
  void wrongPassphrase_isAlwaysTyped() throws Exception {
    byte[] der = KeyCodec.encryptPrivateKey(keys(SignatureAlgorithm.ML_DSA_44).privateKey(), PASS,
        KeyEncryption.pbkdf2(KeyEncryption.MIN_PBKDF2_ITERATIONS));
    for (int i = 0; i < 20; i++) {
      // CBC padding accepts a wrong key now and then; the PKCS#8 parse catches the garbage
      char[] wrong = ("wrong " + i).toCharArray();
      assertThrows(WrongPassphraseException.class, () -> KeyCodec.decryptPrivateKey(der, wrong));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithmsAndSchemes")
  void chosenScheme_roundTripsAndSigns(SignatureAlgorithm alg, KeyEncryption how) throws Exception {
    PqKeyPair kp = keys(alg);
    byte[] der = KeyCodec.encryptPrivateKey(kp.privateKey(), PASS, how);
    PqPrivateKey back = KeyCodec.decryptPrivateKey(der, PASS);
    assertEquals(kp.privateKey(), back);
    byte[] sig = Signatures.signer(back, SignatureOptions.defaults()).sign(MSG);
    Signatures.verifier(kp.publicKey(), SignatureOptions.defaults()).verify(MSG, sig);
  }

  static Stream<Arguments> algorithmsAndSchemes() {
    return Stream.of(
        Arguments.of(SignatureAlgorithm.ML_DSA_44, KeyEncryption.scrypt(14)),
        Arguments.of(SignatureAlgorithm.ML_DSA_87, KeyEncryption.pbkdf2(100_000)),
        Arguments.of(SignatureAlgorithm.SLH_DSA_SHA2_128F, KeyEncryption.defaults()),
        Arguments.of(SignatureAlgorithm.MLDSA65_ED25519_SHA512, KeyEncryption.pbkdf2(100_000)));
  }

  /** What this module wrote before: PBES2 with scrypt (N = 2^15, r = 8, p = 1) and AES-256-GCM. */
  @Test
  void previousFormat_scryptAndAes256Gcm_isStillRead() throws Exception {
    PqKeyPair kp = keys(SignatureAlgorithm.ML_DSA_65);
    byte[] clear = KeyCodec.encodePrivateKeyUnencrypted(kp.privateKey());
    ScryptConfig kdf = new ScryptConfig.Builder(1 << 15, 8, 1).withSaltLength(16).build();
    byte[] old = new PKCS8EncryptedPrivateKeyInfoBuilder(clear)
        .build(new JcePKCSPBEOutputEncryptorBuilder(kdf, NISTObjectIdentifiers.id_aes256_GCM)
            .setProvider(BcJca.provider()).build(PASS))
        .getEncoded();
    assertEquals(MiscObjectIdentifiers.id_scrypt, pbes2(old).getKeyDerivationFunc().getAlgorithm());
    assertEquals(NISTObjectIdentifiers.id_aes256_GCM, pbes2(old).getEncryptionScheme().getAlgorithm());
    assertEquals(kp.privateKey(), KeyCodec.decryptPrivateKey(old, PASS));
    assertThrows(WrongPassphraseException.class, () -> KeyCodec.decryptPrivateKey(old, "x".toCharArray()));
    byte[] tampered = old.clone();
    tampered[tampered.length - 5] ^= 1; // GCM authenticates: any altered byte is caught
    assertThrows(WrongPassphraseException.class, () -> KeyCodec.decryptPrivateKey(tampered, PASS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("opensslFiles")
  void opensslEncryptedKeys_decryptAndSign(String file, String publicKeyFile) throws Exception {
    PqPrivateKey sk = KeyCodec.privateKeyFromPem(resource(file), "openssl pass".toCharArray());
    PqPublicKey pk = KeyCodec.publicKeyFromPem(resource(publicKeyFile));
    assertEquals(pk, sk.publicKey());
    byte[] sig = Signatures.signer(sk, SignatureOptions.defaults()).sign(MSG);
    Signatures.provider("pqzk").verifier(pk, SignatureOptions.defaults()).verify(MSG, sig);
    assertThrows(WrongPassphraseException.class,
        () -> KeyCodec.privateKeyFromPem(resource(file), "not it".toCharArray()));
  }

  static Stream<Arguments> opensslFiles() {
    return Stream.of(
        Arguments.of("mldsa65-pbkdf2-sha256-aes256cbc.pem", "mldsa65.pub.pem"),
        Arguments.of("mldsa65-scrypt-aes256cbc.pem", "mldsa65.pub.pem"),
        Arguments.of("mldsa65-pbkdf2-sha1-des3.pem", "mldsa65.pub.pem"),
        Arguments.of("slhdsa-sha2-128f-pbkdf2-sha512-aes128cbc.pem", "slhdsa-sha2-128f.pub.pem"));
  }

  static String resource(String name) throws Exception {
    try (InputStream in = EncryptedKeyTest.class.getResourceAsStream("/openssl/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  /** A file asking for 2^62 PBKDF2 iterations or 2^40 bytes of scrypt memory is refused at once. */
  @Test
  void excessiveKdfParameters_areRefusedBeforeAnyWork() throws Exception {
    byte[] salt = new byte[16];
    EncryptionScheme aes = new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC,
        new DEROctetString(new byte[16]));
    AlgorithmIdentifier sha256 = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);
    KeyDerivationFunc[] kdfs = {
      new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, new PBKDF2Params(salt, 10_000_001, sha256)),
      new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2,
          new PBKDF2Params(salt, Integer.MAX_VALUE, sha256)),
      new KeyDerivationFunc(MiscObjectIdentifiers.id_scrypt, new ScryptParams(salt,
          BigInteger.ONE.shiftLeft(21), BigInteger.valueOf(8), BigInteger.ONE, BigInteger.valueOf(32))),
      new KeyDerivationFunc(MiscObjectIdentifiers.id_scrypt, new ScryptParams(salt,
          BigInteger.ONE.shiftLeft(14), BigInteger.valueOf(8), BigInteger.valueOf(1 << 16), BigInteger.valueOf(32))),
      new KeyDerivationFunc(MiscObjectIdentifiers.id_scrypt, new ScryptParams(salt,
          BigInteger.ONE.shiftLeft(200), BigInteger.ONE, BigInteger.ONE, BigInteger.valueOf(32))),
    };
    for (KeyDerivationFunc kdf : kdfs) {
      byte[] der = new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2,
          new PBES2Parameters(kdf, aes)), new byte[64]).getEncoded("DER");
      long t0 = System.nanoTime();
      KeyDerivationCostException e = assertThrows(KeyDerivationCostException.class,
          () -> KeyCodec.decryptPrivateKey(der, PASS), kdf.getAlgorithm().getId());
      assertTrue((System.nanoTime() - t0) < 1_000_000_000L, "refused without doing the work");
      assertTrue(e.value() > e.limit(), e.getMessage());
    }
  }

  @Test
  void notPbes2OrUnsupported_isMalformed() throws Exception {
    byte[] notEncrypted = KeyCodec.encodePrivateKeyUnencrypted(keys(SignatureAlgorithm.ML_DSA_44).privateKey());
    assertThrows(MalformedKeyException.class, () -> KeyCodec.decryptPrivateKey(notEncrypted, PASS));
    byte[] pbes1 = new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(
        PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC), new byte[64]).getEncoded("DER");
    assertThrows(MalformedKeyException.class, () -> KeyCodec.decryptPrivateKey(pbes1, PASS));
    assertThrows(IllegalArgumentException.class, () -> KeyEncryption.pbkdf2(1000));
    assertThrows(IllegalArgumentException.class, () -> KeyEncryption.scrypt(13));
    assertThrows(IllegalArgumentException.class,
        () -> KeyCodec.encryptPrivateKey(keys(SignatureAlgorithm.ML_DSA_44).privateKey(), new char[0]));
  }
}
