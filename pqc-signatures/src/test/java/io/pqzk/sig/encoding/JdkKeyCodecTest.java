package io.pqzk.sig.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pqzk.sig.PqPrivateKey;
import io.pqzk.sig.PqPublicKey;
import io.pqzk.sig.SignatureAlgorithm;
import io.pqzk.sig.SignatureOptions;
import io.pqzk.sig.Signatures;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our encodings against the JDK's own (JDK 24+): each side reads the other's SPKI and PKCS#8,
 * and signatures made with the re-read keys verify on the other side.
 */
class JdkKeyCodecTest {
  private static final byte[] MSG = "encoded by one, read by the other".getBytes();

  @BeforeAll
  static void requireJdk() {
    String why = "JDK ML-DSA provider not available on this JVM (java.version="
        + System.getProperty("java.version") + "), its tests are skipped";
    boolean ok = Signatures.availableProviders().contains("jdk");
    if (!ok) {
      System.out.println(why);
    }
    assumeTrue(ok, why);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
  void jdkEncodings_readByUs_andOursByJdk(SignatureAlgorithm alg) throws Exception {
    KeyPair jdk = KeyPairGenerator.getInstance(alg.displayName(), "SUN").generateKeyPair();
    PqPublicKey pk = KeyCodec.decodePublicKey(jdk.getPublic().getEncoded());
    PqPrivateKey sk = KeyCodec.decodePrivateKey(jdk.getPrivate().getEncoded());
    assertEquals(pk, sk.publicKey());

    // JDK signs, we verify with the key we decoded
    Signature s = Signature.getInstance("ML-DSA", "SUN");
    s.initSign(jdk.getPrivate());
    s.update(MSG);
    Signatures.provider("bc").verifier(pk, SignatureOptions.defaults()).verify(MSG, s.sign());

    // our SPKI and our expanded-form PKCS#8 are read by the JDK; BC signs, JDK verifies
    KeyFactory kf = KeyFactory.getInstance("ML-DSA", "SUN");
    PublicKey jdkPk = kf.generatePublic(new X509EncodedKeySpec(KeyCodec.encodePublicKey(pk)));
    PrivateKey jdkSk = kf.generatePrivate(new PKCS8EncodedKeySpec(
        KeyCodec.encodePrivateKeyUnencrypted(sk, PrivateKeyForm.EXPANDED)));
    byte[] sig = Signatures.provider("bc").signer(sk, SignatureOptions.defaults()).sign(MSG);
    Signature v = Signature.getInstance("ML-DSA", "SUN");
    v.initVerify(jdkPk);
    v.update(MSG);
    assertTrue(v.verify(sig));
    s.initSign(jdkSk);
    s.update(MSG);
    Signatures.verifier(pk, SignatureOptions.defaults()).verify(MSG, s.sign());
  }
}
