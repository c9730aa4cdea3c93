package io.pqzk.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * BouncyCastle and the JDK's ML-DSA accept each other's keys and signatures in both directions
 * (keys made by either, signed by either, verified by the other). Runs on JDK 24+.
 */
class CrossProviderTest {
  private static final String[] NAMES = {"bc", "jdk"};

  @BeforeAll
  static void requireJdkProvider() {
    if (!JdkProviderTest.available()) {
      System.out.println(JdkProviderTest.skipMessage());
    }
    assumeTrue(JdkProviderTest.available(), JdkProviderTest.skipMessage());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
  void mlDsa_everyKeygenSignerVerifierCombination_interoperates(SignatureAlgorithm alg)
      throws Exception {
    int combinations = 0;
    for (String keygen : NAMES) {
      PqKeyPair kp = Signatures.provider(keygen).generateKeyPair(alg, null);
      for (String signer : NAMES) {
        byte[] sig = Signatures.provider(signer).signer(kp.privateKey(), SignatureOptions.defaults())
            .sign(Fixtures.MESSAGE);
        for (String verifier : NAMES) {
          Verifier v = Signatures.provider(verifier).verifier(kp.publicKey(), SignatureOptions.defaults());
          v.verify(Fixtures.MESSAGE, sig);
          byte[] bad = sig.clone();
          bad[7] ^= 0x40;
          assertThrows(SignatureVerificationException.class, () -> v.verify(Fixtures.MESSAGE, bad),
              keygen + " key, " + signer + " signature altered, " + verifier + " verifier");
          combinations++;
        }
      }
    }
    assertEquals(8, combinations);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
  void jdkKey_expandedForm_matchesBcDerivation(SignatureAlgorithm alg) throws Exception {
    PqKeyPair kp = Signatures.provider("jdk").generateKeyPair(alg, null);
    PqPrivateKey viaBc = Signatures.privateKeyFromExpanded(alg, kp.privateKey().expanded().orElseThrow());
    assertEquals(kp.publicKey(), viaBc.publicKey());
  }
}
