package io.pqzk.sig.encoding;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.sig.KeyDerivationCostException;
import io.pqzk.sig.MalformedKeyException;
import io.pqzk.sig.PqSignatureException;
import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.Signatures;
import java.math.BigInteger;
import java.time.Duration;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.misc.ScryptParams;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An encrypted key file chooses its own key-derivation work: scrypt N = 2^24 asks for 16 GiB,
 * 2^31 PBKDF2 iterations for hours. Such files are refused before any work is done, within
 * milliseconds (the bounds are Pbes2's: 128 MiB of scrypt memory, 1 GiB mixed, 2,000,000 PBKDF2
 * iterations), and keys inside the bounds still decrypt.
 */
public class EncryptedKeyWorkBoundsTest {
  static final char[] PASS = "correct horse battery staple".toCharArray();
  public static PqPrivateKey key;

  @BeforeAll
  static void key() throws Exception {
    key = Signatures.generateKeyPair(SignatureAlgorithm.ML_DSA_44).privateKey();
  }

  /** {@code der} (an scrypt key) with its scrypt parameters replaced. */
  public static byte[] withScrypt(byte[] der, BigInteger n, int r, int p) throws Exception {
    EncryptedPrivateKeyInfo info = EncryptedPrivateKeyInfo.getInstance(der);
    PBES2Parameters pbes2 = PBES2Parameters.getInstance(info.getEncryptionAlgorithm()
        .getParameters());
    ScryptParams old = ScryptParams.getInstance(pbes2.getKeyDerivationFunc().getParameters());
    org.bouncycastle.asn1.ASN1EncodableVector v = new org.bouncycastle.asn1.ASN1EncodableVector();
    v.add(new org.bouncycastle.asn1.DEROctetString(old.getSalt()));
    v.add(new ASN1Integer(n));
    v.add(new ASN1Integer(r));
    v.add(new ASN1Integer(p));
    if (old.getKeyLength() != null) {
      v.add(new ASN1Integer(old.getKeyLength()));
    }
    ScryptParams changed = ScryptParams.getInstance(new org.bouncycastle.asn1.DERSequence(v));
    PBES2Parameters p2 = new PBES2Parameters(
        new KeyDerivationFunc(MiscObjectIdentifiers.id_scrypt, changed),
        pbes2.getEncryptionScheme());
    return new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, p2),
        info.getEncryptedData()).getEncoded("DER");
  }

  /** A PBKDF2 (AES-256-CBC) key whose iteration count is then replaced by {@code count}. */
  public static byte[] withPbkdf2(BigInteger count) throws Exception {
    byte[] der = new PKCS8EncryptedPrivateKeyInfoBuilder(KeyCodec.encodePrivateKeyUnencrypted(key))
        .build(new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
            .setProvider(new BouncyCastleProvider()).setIterationCount(1000).build(PASS))
        .getEncoded();
    EncryptedPrivateKeyInfo info = EncryptedPrivateKeyInfo.getInstance(der);
    PBES2Parameters pbes2 = PBES2Parameters.getInstance(info.getEncryptionAlgorithm()
        .getParameters());
    PBKDF2Params old = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
    PBKDF2Params changed = new PBKDF2Params(old.getSalt(), count.intValueExact(),
        old.getPrf());
    PBES2Parameters p2 = new PBES2Parameters(
        new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, changed),
        pbes2.getEncryptionScheme());
    return new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, p2),
        info.getEncryptedData()).getEncoded("DER");
  }

  static void refusedAtOnce(byte[] der, String expected) {
    Exception e = assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> assertThrows(PqSignatureException.class,
            () -> KeyCodec.decryptPrivateKey(der, PASS.clone())));
    assertTrue(e instanceof KeyDerivationCostException || e instanceof MalformedKeyException,
        e.getClass().getName());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void scryptNAbove1GiB_refusedBeforeAnyWork() throws Exception {
    byte[] der = KeyCodec.encryptPrivateKey(key, PASS, KeyEncryption.scrypt(15));
    refusedAtOnce(withScrypt(der, BigInteger.ONE.shiftLeft(24), 8, 1), "scrypt memory");
    refusedAtOnce(withScrypt(der, BigInteger.ONE.shiftLeft(62), 8, 1), "scrypt N");
  }

  @Test
  void scryptMemoryOrWorkAboveTheBounds_refused() throws Exception {
    byte[] der = KeyCodec.encryptPrivateKey(key, PASS, KeyEncryption.scrypt(15));
    refusedAtOnce(withScrypt(der, BigInteger.ONE.shiftLeft(20), 16, 1), "scrypt memory");
    refusedAtOnce(withScrypt(der, BigInteger.ONE.shiftLeft(17), 8, 64), "scrypt work");
    refusedAtOnce(withScrypt(der, BigInteger.valueOf(3 << 14), 8, 1), "N=49152");
  }

  /**
   * The fuzzer's slow unit ({@code finding-scrypt-2gib-work} in EncryptedKeyFuzzTestInputs):
   * N = 2^15, r = 8, p = 63, 32 MiB of memory but 2 GiB of mixing, was derived in full (10 s)
   * before the wrong passphrase showed; the work bound is now 1 GiB, as the memory bound.
   */
  @Test
  void scryptWithManyParallelLanes_refusedBeforeAnyWork() throws Exception {
    byte[] der = KeyCodec.encryptPrivateKey(key, PASS, KeyEncryption.scrypt(15));
    refusedAtOnce(withScrypt(der, BigInteger.ONE.shiftLeft(15), 8, 63), "scrypt work");
    KeyCodec.decryptPrivateKey(withScrypt(der, BigInteger.ONE.shiftLeft(15), 8, 1),
        PASS.clone()).destroy();
  }

  @Test
  void pbkdf2IterationsAboveTwoMillion_refused() throws Exception {
    refusedAtOnce(withPbkdf2(BigInteger.valueOf(Integer.MAX_VALUE)), "PBKDF2 iteration count");
    // inside the old bound of 10^7, 9 s (HMAC-SHA256) to 50 s (HMAC-SHA512) of work
    refusedAtOnce(withPbkdf2(BigInteger.valueOf(9_999_999)), "PBKDF2 iteration count");
  }

  @Test
  void keysWithinTheBounds_stillDecrypt() throws Exception {
    KeyCodec.decryptPrivateKey(KeyCodec.encryptPrivateKey(key, PASS, KeyEncryption.scrypt(17)),
        PASS.clone()).destroy();
    KeyCodec.decryptPrivateKey(withPbkdf2(BigInteger.valueOf(1000)), PASS.clone()).destroy();
    assertThrows(IllegalArgumentException.class, () -> KeyEncryption.scrypt(18));
  }

  /**
   * The fuzzer's out-of-memory unit ({@code finding-scrypt-372mib-memory}): N = 2^15, r = 93,
   * p = 1 asked for 372 MiB, inside the old 1 GiB memory bound, and ran the 256 MiB heap out.
   * The memory bound is now 128 MiB (N = 2^17 at r = 8, the most this module writes).
   */
  @Test
  void scryptMemoryAbove128MiB_refusedBeforeAnyWork() throws Exception {
    byte[] der = KeyCodec.encryptPrivateKey(key, PASS, KeyEncryption.scrypt(15));
    refusedAtOnce(withScrypt(der, BigInteger.ONE.shiftLeft(15), 93, 1), "scrypt memory");
    refusedAtOnce(withScrypt(der, BigInteger.ONE.shiftLeft(18), 8, 1), "scrypt memory");
    refusedAtOnce(withScrypt(der, BigInteger.ONE.shiftLeft(17), 9, 1), "scrypt memory");
  }
}
