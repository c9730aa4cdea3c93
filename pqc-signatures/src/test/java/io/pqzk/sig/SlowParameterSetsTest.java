package io.pqzk.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SLH-DSA "s" sets the default run leaves out (seconds per signature on BouncyCastle): sign,
 * verify, and reject a flipped byte in each part. Run with {@code -Dexhaustive}.
 */
@Tag("slow")
class SlowParameterSetsTest {
  static Stream<SignatureAlgorithm> slowSets() {
    return Stream.of(SignatureAlgorithm.values()).filter(a -> !Fixtures.inDefaultRun(a));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("slowSets")
  void slowSet_signVerifyAndMutations(SignatureAlgorithm alg) throws Exception {
    byte[] sig = Fixtures.signatureWithContext(alg);
    assertEquals(alg.signatureLength(), sig.length);
    PqPublicKey pk = Fixtures.keys(alg).publicKey();
    Verifier v = Signatures.verifier(pk, Fixtures.withContext());
    v.verify(Fixtures.MESSAGE, sig);
    for (int i : new int[] {0, sig.length / 2, sig.length - 1}) {
      byte[] bad = sig.clone();
      bad[i] ^= 1;
      assertThrows(SignatureVerificationException.class, () -> v.verify(Fixtures.MESSAGE, bad));
    }
    byte[] msg = Fixtures.MESSAGE.clone();
    msg[0] ^= 1;
    assertThrows(SignatureVerificationException.class, () -> v.verify(msg, sig));
  }
}
