package io.pqzk.sig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pqzk.sig.SignatureProvider.Operation;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one suite every provider runs (Ratis' habit): a subclass names the provider, and each test
 * runs on every algorithm that provider claims to support. Requests a provider does not claim
 * must be refused with {@link UnsupportedByProviderException}, never half-served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractProviderTest {

  abstract SignatureProvider provider();

  Stream<SignatureAlgorithm> verifiable() {
    return Stream.of(SignatureAlgorithm.values())
        .filter(Fixtures::inDefaultRun)
        .filter(a -> provider().supports(Operation.VERIFY, a, SignatureOptions.defaults()));
  }

  Stream<SignatureAlgorithm> signable() {
    return verifiable().filter(a -> provider().supports(Operation.SIGN, a, SignatureOptions.defaults()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signable")
  void sign_thenVerify_accepts(SignatureAlgorithm alg) throws Exception {
    if (Fixtures.slow(alg)) {
      return; // its signature is made once in Fixtures and verified by the other tests
    }
    PqKeyPair kp = Fixtures.keys(alg);
    byte[] sig = provider().signer(kp.privateKey(), SignatureOptions.defaults()).sign(Fixtures.MESSAGE);
    if (alg.signatureLength() > 0) {
      assertEquals(alg.signatureLength(), sig.length);
    }
    provider().verifier(kp.publicKey(), SignatureOptions.defaults()).verify(Fixtures.MESSAGE, sig);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("verifiable")
  void verify_bcSignatureWithContext_accepts(SignatureAlgorithm alg) throws Exception {
    SignatureOptions o = Fixtures.withContext();
    byte[] sig = Fixtures.signatureWithContext(alg);
    PqPublicKey pk = Fixtures.keys(alg).publicKey();
    if (provider().supports(Operation.VERIFY, alg, o)) {
      provider().verifier(pk, o).verify(Fixtures.MESSAGE, sig);
    } else {
      assertThrows(UnsupportedByProviderException.class, () -> provider().verifier(pk, o));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("verifiable")
  void verify_wrongContext_throws(SignatureAlgorithm alg) throws Exception {
    byte[] sig = Fixtures.signatureWithContext(alg);
    assertThrows(SignatureVerificationException.class, () -> provider()
        .verifier(Fixtures.keys(alg).publicKey(), SignatureOptions.defaults())
        .verify(Fixtures.MESSAGE, sig));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signable")
  void sign_deterministic_isRepeatableOrRefused(SignatureAlgorithm alg) throws Exception {
    if (Fixtures.slow(alg)) {
      return; // two more "s" signatures cost a second; the fast sets exercise the same code
    }
    SignatureOptions det = SignatureOptions.defaults().deterministic();
    PqPrivateKey sk = Fixtures.keys(alg).privateKey();
    if (!provider().supports(Operation.SIGN, alg, det)) {
      assertThrows(UnsupportedByProviderException.class, () -> provider().signer(sk, det));
      return;
    }
    Signer s = provider().signer(sk, det);
    byte[] a = s.sign(Fixtures.MESSAGE);
    assertArrayEquals(a, s.sign(Fixtures.MESSAGE));
    provider().verifier(sk.publicKey(), det).verify(Fixtures.MESSAGE, a);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signable")
  void sign_hedged_differsEachTime(SignatureAlgorithm alg) throws Exception {
    if (Fixtures.slow(alg)) {
      return;
    }
    Signer s = provider().signer(Fixtures.keys(alg).privateKey(), SignatureOptions.defaults());
    assertFalse(Arrays.equals(s.sign(Fixtures.MESSAGE), s.sign(Fixtures.MESSAGE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("verifiable")
  void verify_otherKeysSignature_throws(SignatureAlgorithm alg) throws Exception {
    PqKeyPair other = alg.isComposite() ? Signatures.provider("bc").generateKeyPair(alg, null)
        : Signatures.keyPairFromSeed(alg, new byte[alg.seedLength()]);
    byte[] sig = Fixtures.signature(alg);
    provider().verifier(Fixtures.keys(alg).publicKey(), SignatureOptions.defaults())
        .verify(Fixtures.MESSAGE, sig);
    assertThrows(SignatureVerificationException.class, () -> provider()
        .verifier(other.publicKey(), SignatureOptions.defaults()).verify(Fixtures.MESSAGE, sig));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("verifiable")
  void verify_truncatedSignature_throws(SignatureAlgorithm alg) throws Exception {
    byte[] sig = Fixtures.signature(alg);
    Verifier v = provider().verifier(Fixtures.keys(alg).publicKey(), SignatureOptions.defaults());
    assertThrows(SignatureVerificationException.class,
        () -> v.verify(Fixtures.MESSAGE, Arrays.copyOf(sig, sig.length - 1)));
    assertThrows(SignatureVerificationException.class, () -> v.verify(Fixtures.MESSAGE, new byte[0]));
    byte[] longer = Arrays.copyOf(sig, sig.length + 1);
    assertThrows(SignatureVerificationException.class, () -> v.verify(Fixtures.MESSAGE, longer));
  }

  @Test
  void signer_preHashOrInternal_servedOrRefused() throws Exception {
    PqPrivateKey sk = Fixtures.keys(SignatureAlgorithm.ML_DSA_44).privateKey();
    for (SignatureOptions o : new SignatureOptions[] {
        SignatureOptions.defaults().withPreHash(PreHash.SHA3_256),
        SignatureOptions.defaults().withInput(SignatureOptions.Input.INTERNAL),
        SignatureOptions.defaults().withInput(SignatureOptions.Input.EXTERNAL_MU)}) {
      if (provider().supports(Operation.SIGN, SignatureAlgorithm.ML_DSA_44, o)) {
        byte[] msg = o.input() == SignatureOptions.Input.EXTERNAL_MU ? new byte[64] : Fixtures.MESSAGE;
        byte[] sig = provider().signer(sk, o).sign(msg);
        provider().verifier(sk.publicKey(), o).verify(msg, sig);
      } else {
        assertThrows(UnsupportedByProviderException.class, () -> provider().signer(sk, o));
      }
    }
  }
}
