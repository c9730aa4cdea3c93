package io.pqzk.sig.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.sig.PqKeyPair;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.Signatures;
import io.pqzk.sig.encoding.KeyCodec;
import io.pqzk.sig.internal.bc.BcJca;
import java.nio.charset.StandardCharsets;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.math.BigInteger;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import org.bouncycastle.jcajce.spec.ContextParameterSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JCA provider "PQZK" as JCA code uses it: lookup by name, OID and family, KeyFactory round
 * trips, context strings through BouncyCastle's spec, and signatures crossing between PQZK and
 * BouncyCastle's own JCA provider in both directions. Unsupported requests get the standard JCA
 * exceptions.
 */
class PqzkProviderJcaTest {
  private static final byte[] MSG = "pqzk jca message".getBytes(StandardCharsets.UTF_8);
  private static final byte[] CTX = "pqzk/v1/jca".getBytes(StandardCharsets.UTF_8);

  @BeforeAll
  static void register() {
    if (Security.getProvider(PqzkProvider.NAME) == null) {
      Security.addProvider(new PqzkProvider());
    }
    BcJca.provider();
  }

  static KeyPair bcKeys(SignatureAlgorithm alg) throws Exception {
    return KeyPairGenerator.getInstance(alg.displayName(), "BC").generateKeyPair();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "SLH_DSA_SHA2_128F",
      "SLH_DSA_SHAKE_128F", "SLH_DSA_SHA2_192F"})
  void bcSignature_verifiesUnderPqzk_andPqzkSignature_underBc(SignatureAlgorithm alg)
      throws Exception {
    KeyPair kp = bcKeys(alg);
    for (boolean withContext : new boolean[] {false, true}) {
      Signature bc = Signature.getInstance(alg.displayName(), "BC");
      bc.initSign(kp.getPrivate());
      if (withContext) {
        bc.setParameter(new ContextParameterSpec(CTX));
      }
      bc.update(MSG);
      byte[] bcSig = bc.sign();

      Signature pq = Signature.getInstance(alg.displayName(), PqzkProvider.NAME);
      assertEquals(PqzkProvider.NAME, pq.getProvider().getName());
      pq.initVerify(kp.getPublic()); // BouncyCastle's key object, taken by its X.509 encoding
      if (withContext) {
        pq.setParameter(new ContextParameterSpec(CTX));
      }
      pq.update(MSG);
      assertTrue(pq.verify(bcSig), "BC signature, context " + withContext);
      pq.update(MSG); // the object is ready for the next message with the same key and context
      assertTrue(pq.verify(bcSig));
      byte[] bad = bcSig.clone();
      bad[bad.length / 3] ^= 4;
      pq.update(MSG);
      assertFalse(pq.verify(bad));
      pq.update(MSG);
      assertFalse(pq.verify(Arrays.copyOf(bcSig, bcSig.length - 1)));

      pq.initSign(kp.getPrivate());
      if (withContext) {
        pq.setParameter(new ContextParameterSpec(CTX));
      }
      pq.update(MSG);
      byte[] pqSig = pq.sign();
      bc.initVerify(kp.getPublic());
      if (withContext) {
        bc.setParameter(new ContextParameterSpec(CTX));
      }
      bc.update(MSG);
      assertTrue(bc.verify(pqSig), "PQZK signature under BC, context " + withContext);
    }
  }

  /** The JDK's own ML-DSA (JDK 24+) and PQZK accept each other's keys and signatures. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
  void jdkSignature_verifiesUnderPqzk_andBack(SignatureAlgorithm alg) throws Exception {
    boolean jdk = Signatures.availableProviders().contains("jdk");
    if (!jdk) {
      System.out.println("JDK ML-DSA provider not available on this JVM (java.version="
          + System.getProperty("java.version") + "), its JCA cross-check is skipped");
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(jdk);
    KeyPair kp = KeyPairGenerator.getInstance(alg.displayName(), "SUN").generateKeyPair();
    Signature sun = Signature.getInstance(alg.displayName(), "SUN");
    sun.initSign(kp.getPrivate());
    sun.update(MSG);
    byte[] sig = sun.sign();
    Signature pq = Signature.getInstance(alg.displayName(), PqzkProvider.NAME);
    pq.initVerify(kp.getPublic());
    pq.update(MSG);
    assertTrue(pq.verify(sig));
    pq.initSign(kp.getPrivate()); // the JDK's expanded-form PKCS#8
    pq.update(MSG);
    byte[] ours = pq.sign();
    sun.initVerify(kp.getPublic());
    sun.update(MSG);
    assertTrue(sun.verify(ours));
  }

  @Test
  void contextMismatch_isRejected() throws Exception {
    KeyPair kp = bcKeys(SignatureAlgorithm.ML_DSA_65);
    Signature bc = Signature.getInstance("ML-DSA-65", "BC");
    bc.initSign(kp.getPrivate());
    bc.setParameter(new ContextParameterSpec(CTX));
    bc.update(MSG);
    byte[] sig = bc.sign();
    Signature pq = Signature.getInstance("ML-DSA-65", PqzkProvider.NAME);
    pq.initVerify(kp.getPublic());
    pq.update(MSG);
    assertFalse(pq.verify(sig), "signed with a context, verified without");
    pq.setParameter(new ContextParameterSpec("other".getBytes(StandardCharsets.UTF_8)));
    pq.update(MSG);
    assertFalse(pq.verify(sig));
  }

  @Test
  void lookup_byOidAndFamilyName() throws Exception {
    KeyPair kp = bcKeys(SignatureAlgorithm.ML_DSA_44);
    Signature bc = Signature.getInstance("ML-DSA-44", "BC");
    bc.initSign(kp.getPrivate());
    bc.update(MSG);
    byte[] sig = bc.sign();
    for (String name : new String[] {"2.16.840.1.101.3.4.3.17", "OID.2.16.840.1.101.3.4.3.17",
        "ML-DSA", "ml-dsa-44"}) {
      Signature s = Signature.getInstance(name, PqzkProvider.NAME);
      s.initVerify(kp.getPublic());
      s.update(MSG);
      assertTrue(s.verify(sig), name);
    }
    assertThrows(InvalidKeyException.class, () -> Signature.getInstance("SLH-DSA", PqzkProvider.NAME)
        .initVerify(kp.getPublic()));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "SLH_DSA_SHA2_128S",
      "SLH_DSA_SHAKE_256F"})
  void keyFactory_roundTrips(SignatureAlgorithm alg) throws Exception {
    PqKeyPair ours = Signatures.generateKeyPair(alg);
    for (String name : new String[] {alg.displayName(), alg.isMlDsa() ? "ML-DSA" : "SLH-DSA"}) {
      KeyFactory kf = KeyFactory.getInstance(name, PqzkProvider.NAME);
      byte[] spki = KeyCodec.encodePublicKey(ours.publicKey());
      PublicKey pk = kf.generatePublic(new X509EncodedKeySpec(spki));
      assertEquals(alg.displayName(), pk.getAlgorithm());
      assertEquals("X.509", pk.getFormat());
      assertArrayEquals(spki, pk.getEncoded());
      assertArrayEquals(spki, kf.getKeySpec(pk, X509EncodedKeySpec.class).getEncoded());
      byte[] pkcs8 = KeyCodec.encodePrivateKeyUnencrypted(ours.privateKey());
      PrivateKey sk = kf.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      assertEquals("PKCS#8", sk.getFormat());
      assertArrayEquals(pkcs8, sk.getEncoded());
      assertArrayEquals(pkcs8, kf.getKeySpec(sk, PKCS8EncodedKeySpec.class).getEncoded());
      assertTrue(sk.toString().contains("redacted"), sk.toString());
      // BouncyCastle's key objects translate, and read back our encodings
      KeyPair bc = bcKeys(alg);
      PublicKey translated = (PublicKey) kf.translateKey(bc.getPublic());
      assertArrayEquals(bc.getPublic().getEncoded(), translated.getEncoded());
      KeyFactory bcKf = KeyFactory.getInstance(alg.displayName(), "BC");
      assertArrayEquals(spki, bcKf.generatePublic(new X509EncodedKeySpec(pk.getEncoded())).getEncoded());
      assertEquals(pk, kf.generatePublic(new X509EncodedKeySpec(spki)));
    }
  }

  @Test
  void keyFactory_otherSetOrSpec_isRefused() throws Exception {
    KeyFactory kf65 = KeyFactory.getInstance("ML-DSA-65", PqzkProvider.NAME);
    byte[] spki44 = bcKeys(SignatureAlgorithm.ML_DSA_44).getPublic().getEncoded();
    assertThrows(InvalidKeySpecException.class, () -> kf65.generatePublic(new X509EncodedKeySpec(spki44)));
    assertThrows(InvalidKeySpecException.class,
        () -> kf65.generatePublic(new RSAPublicKeySpec(BigInteger.TEN, BigInteger.ONE)));
    assertThrows(InvalidKeySpecException.class,
        () -> kf65.generatePublic(new X509EncodedKeySpec(new byte[] {0x30, 0})));
    assertThrows(InvalidKeySpecException.class,
        () -> kf65.generatePrivate(new X509EncodedKeySpec(spki44)));
  }

  @Test
  void unsupportedRequests_getStandardJcaExceptions() throws Exception {
    assertThrows(NoSuchAlgorithmException.class, () -> Signature.getInstance("HASH-ML-DSA", PqzkProvider.NAME));
    assertThrows(NoSuchAlgorithmException.class, () -> KeyPairGenerator.getInstance("ML-DSA", PqzkProvider.NAME));
    Signature s = Signature.getInstance("ML-DSA-65", PqzkProvider.NAME);
    KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    assertThrows(InvalidKeyException.class, () -> s.initVerify(rsa.getPublic()));
    assertThrows(InvalidKeyException.class, () -> s.initSign(rsa.getPrivate()));
    assertThrows(InvalidKeyException.class, () -> s.initVerify(bcKeys(SignatureAlgorithm.ML_DSA_87).getPublic()));
    KeyPair kp = bcKeys(SignatureAlgorithm.ML_DSA_65);
    s.initVerify(kp.getPublic());
    assertThrows(InvalidAlgorithmParameterException.class, () -> s.setParameter(MGF1ParameterSpec.SHA256));
    assertThrows(InvalidAlgorithmParameterException.class, () -> s.setParameter(null));
    assertThrows(InvalidAlgorithmParameterException.class,
        () -> s.setParameter(new ContextParameterSpec(new byte[256])));
    s.update(MSG);
    assertThrows(InvalidAlgorithmParameterException.class, () -> s.setParameter(new ContextParameterSpec(CTX)));
    assertNull(s.getParameters());
  }

  @Test
  void initSignWithRandom_drawsTheSignatureRandomnessFromIt() throws Exception {
    KeyPair kp = bcKeys(SignatureAlgorithm.ML_DSA_44);
    Signature s = Signature.getInstance("ML-DSA-44", PqzkProvider.NAME);
    byte[][] sigs = new byte[3][];
    for (int i = 0; i < 3; i++) {
      SecureRandom fixed = SecureRandom.getInstance("SHA1PRNG");
      fixed.setSeed(i < 2 ? 7 : 8);
      s.initSign(kp.getPrivate(), fixed);
      s.update(MSG);
      sigs[i] = s.sign();
    }
    assertArrayEquals(sigs[0], sigs[1]);
    assertNotEquals(Arrays.toString(sigs[0]), Arrays.toString(sigs[2]));
    s.initSign(kp.getPrivate());
    s.update(MSG);
    byte[] a = s.sign();
    s.update(MSG);
    assertFalse(Arrays.equals(a, s.sign()), "hedged by default");
  }
}
