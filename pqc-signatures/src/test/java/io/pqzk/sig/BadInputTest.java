package io.pqzk.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.pqzk.sig.SignatureProvider.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad input gets a typed exception that names the problem, never a crash. */
class BadInputTest {

  static Stream<SignatureAlgorithm> algorithms() {
    return Stream.of(SignatureAlgorithm.values()).filter(Fixtures::inDefaultRun);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ML-DSA-66", "", "SLH-DSA-SHA2-128x", "RSA", "ML-DSA"})
  void fromName_unknown_throwsNamingIt(String name) {
    UnknownAlgorithmException e = assertThrows(UnknownAlgorithmException.class,
        () -> SignatureAlgorithm.fromName(name));
    assertEquals(name, e.name());
    assertTrue(e.getMessage().contains("'" + name + "'"));
  }

  @Test
  void fromName_aliases_resolve() throws Exception {
    assertEquals(SignatureAlgorithm.ML_DSA_65, SignatureAlgorithm.fromName("ML-DSA-65"));
    assertEquals(SignatureAlgorithm.ML_DSA_65, SignatureAlgorithm.fromName("mldsa65"));
    assertEquals(SignatureAlgorithm.SLH_DSA_SHAKE_128F, SignatureAlgorithm.fromName("SLH-DSA-SHAKE-128f"));
    assertEquals(SignatureAlgorithm.MLDSA87_ECDSA_P384_SHA512, SignatureAlgorithm.fromName("MLDSA87-ECDSA-P384-SHA512"));
    assertEquals(PreHash.SHA2_512_256, PreHash.fromName("SHA2-512/256"));
    assertEquals(PreHash.SHA2_256, PreHash.fromName("SHA-256"));
    assertEquals(PreHash.SHAKE_128, PreHash.fromName("SHAKE128"));
    assertThrows(UnknownAlgorithmException.class, () -> PreHash.fromName("MD5"));
  }

  @Test
  void context_over255Bytes_throws() throws Exception {
    SignatureOptions.defaults().withContext(new byte[255]);
    ContextTooLongException e = assertThrows(ContextTooLongException.class,
        () -> SignatureOptions.defaults().withContext(new byte[256]));
    assertEquals(256, e.length());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void publicKey_wrongLength_throws(SignatureAlgorithm alg) {
    WrongLengthException e = assertThrows(WrongLengthException.class,
        () -> PqPublicKey.fromRaw(alg, new byte[alg.publicKeyLength() + 1]));
    assertEquals(alg.publicKeyLength(), e.expected());
    assertTrue(e.getMessage().contains(alg.displayName()), e.getMessage());
    assertThrows(WrongLengthException.class, () -> PqPublicKey.fromRaw(alg, new byte[alg.publicKeyLength() - 1]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void privateKeyAndSeed_wrongLength_throw(SignatureAlgorithm alg) {
    if (alg.isComposite()) {
      assertThrows(UnsupportedByProviderException.class,
          () -> Signatures.keyPairFromSeed(alg, new byte[32]));
      return;
    }
    assertThrows(WrongLengthException.class, () -> Signatures.keyPairFromSeed(alg, new byte[alg.seedLength() - 1]));
    assertThrows(WrongLengthException.class,
        () -> Signatures.privateKeyFromExpanded(alg, new byte[alg.privateKeyLength() + 1]));
  }

  @Test
  void mlDsaExpandedKey_corrupted_throwsMalformed() throws Exception {
    byte[] sk = Fixtures.keys(SignatureAlgorithm.ML_DSA_65).privateKey().expanded().orElseThrow();
    sk[200] ^= 1; // inside s1: the derived public key no longer matches tr
    MalformedKeyException e = assertThrows(MalformedKeyException.class,
        () -> Signatures.privateKeyFromExpanded(SignatureAlgorithm.ML_DSA_65, sk));
    assertTrue(e.getMessage().contains("tr"), e.getMessage());
  }

  @Test
  void expandedKey_withOtherPublicKey_throwsMalformed() throws Exception {
    byte[] sk = Fixtures.keys(SignatureAlgorithm.ML_DSA_44).privateKey().expanded().orElseThrow();
    PqPublicKey other = Signatures.generateKeyPair(SignatureAlgorithm.ML_DSA_44).publicKey();
    assertThrows(MalformedKeyException.class,
        () -> Signatures.privateKeyFromExpanded(SignatureAlgorithm.ML_DSA_44, sk, other));
  }

  @Test
  void keyOfOneParameterSet_usedWithAnother_throwsMismatch() throws Exception {
    PqPublicKey pk44 = Fixtures.keys(SignatureAlgorithm.ML_DSA_44).publicKey();
    KeyAlgorithmMismatchException e = assertThrows(KeyAlgorithmMismatchException.class,
        () -> Signatures.verifier(SignatureAlgorithm.ML_DSA_87, pk44, SignatureOptions.defaults()));
    assertEquals(SignatureAlgorithm.ML_DSA_44, e.keyAlgorithm());
    assertEquals(SignatureAlgorithm.ML_DSA_87, e.requested());
    // a 44 signature under a 65 key: wrong length, rejected as a failed verification
    byte[] sig44 = Fixtures.signature(SignatureAlgorithm.ML_DSA_44);
    PqPublicKey pk65 = Fixtures.keys(SignatureAlgorithm.ML_DSA_65).publicKey();
    SignatureVerificationException v = assertThrows(SignatureVerificationException.class,
        () -> Signatures.verifier(pk65, SignatureOptions.defaults()).verify(Fixtures.MESSAGE, sig44));
    assertTrue(v.getMessage().contains("2420 bytes, expected 3309"), v.getMessage());
    // a private key whose public half is of another set
    assertThrows(KeyAlgorithmMismatchException.class, () -> PqPrivateKey.fromPartsUnchecked(
        SignatureAlgorithm.ML_DSA_65, new byte[32], null, pk44));
  }

  @Test
  void signingInputs_wrongLength_throw() throws Exception {
    PqPrivateKey sk = Fixtures.keys(SignatureAlgorithm.ML_DSA_44).privateKey();
    assertThrows(WrongLengthException.class, () -> Signatures.signer(sk,
        SignatureOptions.defaults().withRandomness(new byte[31])).sign(Fixtures.MESSAGE));
    assertThrows(WrongLengthException.class, () -> Signatures.signer(sk,
        SignatureOptions.defaults().withInput(SignatureOptions.Input.EXTERNAL_MU)).sign(new byte[63]));
    PqPrivateKey slh = Fixtures.keys(SignatureAlgorithm.SLH_DSA_SHA2_128F).privateKey();
    assertThrows(WrongLengthException.class, () -> Signatures.signer(slh,
        SignatureOptions.defaults().withRandomness(new byte[32])).sign(Fixtures.MESSAGE));
    assertThrows(IncompatibleOptionsException.class, () -> Signatures.signer(slh,
        SignatureOptions.defaults().withInput(SignatureOptions.Input.EXTERNAL_MU)));
    assertThrows(IncompatibleOptionsException.class, () -> Signatures.signer(sk,
        SignatureOptions.defaults().withContext(new byte[1]).withInput(SignatureOptions.Input.INTERNAL)));
  }

  @Test
  void destroyedKey_isRefused() throws Exception {
    PqPrivateKey sk = Signatures.generateKeyPair(SignatureAlgorithm.ML_DSA_44).privateKey();
    sk.destroy();
    assertTrue(sk.isDestroyed());
    assertTrue(sk.toString().contains("destroyed"));
    for (String p : Signatures.availableProviders()) {
      assertThrows(MalformedKeyException.class,
          () -> Signatures.provider(p).signer(sk, SignatureOptions.defaults()));
    }
  }

  @Test
  void seedOnlyKey_signsWithDefaultProvider() throws Exception {
    PqKeyPair kp = Fixtures.keys(SignatureAlgorithm.ML_DSA_44);
    PqPrivateKey seedOnly = PqPrivateKey.fromPartsUnchecked(SignatureAlgorithm.ML_DSA_44,
        kp.privateKey().seed().orElseThrow(), null, kp.publicKey());
    byte[] sig = Signatures.signer(seedOnly, SignatureOptions.defaults()).sign(Fixtures.MESSAGE);
    Signatures.verifier(kp.publicKey(), SignatureOptions.defaults()).verify(Fixtures.MESSAGE, sig);
    seedOnly.destroy();
    assertThrows(MalformedKeyException.class,
        () -> io.pqzk.sig.encoding.KeyCodec.encodePrivateKeyUnencrypted(seedOnly));
  }

  @Test
  void unknownProvider_throws() {
    assertThrows(UnsupportedByProviderException.class, () -> Signatures.provider("openssl"));
  }

  /**
   * Random keys and signatures of the right and wrong lengths, for every algorithm and provider:
   * anything thrown must be one of ours, never a provider's unchecked exception.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void randomKeysAndSignatures_onlyTypedExceptions(SignatureAlgorithm alg) throws Exception {
    Random rnd = new Random(alg.ordinal());
    List<String> escaped = new ArrayList<>();
    byte[] goodPk = Fixtures.keys(alg).publicKey().raw();
    for (String name : Signatures.availableProviders()) {
      SignatureProvider p = Signatures.provider(name);
      if (!p.supports(Operation.VERIFY, alg, SignatureOptions.defaults())) {
        continue;
      }
      for (int trial = 0; trial < 4; trial++) {
        byte[] pk = trial == 0 ? goodPk : randomBytes(rnd, goodPk.length);
        int sigLen = alg.signatureLength() > 0 ? alg.signatureLength() : 3400;
        byte[] sig = randomBytes(rnd, trial == 3 ? sigLen / 2 : sigLen);
        try {
          p.verifier(PqPublicKey.fromRaw(alg, pk), SignatureOptions.defaults()).verify(Fixtures.MESSAGE, sig);
          fail(name + " accepted a random signature");
        } catch (PqSignatureException expected) {
          // typed
        } catch (RuntimeException e) {
          escaped.add(name + " trial " + trial + ": " + e);
        }
      }
      if (!alg.isComposite() && p.supports(Operation.KEYGEN, alg, SignatureOptions.defaults())) {
        try {
          Signatures.privateKeyFromExpanded(alg, randomBytes(rnd, alg.privateKeyLength()));
        } catch (PqSignatureException expected) {
          // typed (ML-DSA: tr mismatch; SLH-DSA has no check)
        } catch (RuntimeException e) {
          escaped.add(name + " random private key: " + e);
        }
      }
    }
    assertEquals(List.of(), escaped);
  }

  static byte[] randomBytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  @Test
  void keys_toStringAndEquals_revealNoSecret() throws Exception {
    PqPrivateKey sk = Fixtures.keys(SignatureAlgorithm.ML_DSA_44).privateKey();
    String hex = Hex.encode(sk.seed().orElseThrow()).substring(0, 8);
    assertTrue(!sk.toString().contains(hex) && sk.toString().contains("redacted"), sk.toString());
    PqPrivateKey same = Signatures.privateKeyFromSeed(SignatureAlgorithm.ML_DSA_44, sk.seed().orElseThrow());
    assertEquals(sk, same);
    assertEquals(sk.hashCode(), same.hashCode());
    byte[] copy = sk.seed().orElseThrow();
    Arrays.fill(copy, (byte) 0);
    assertTrue(!Arrays.equals(copy, sk.seed().orElseThrow()), "accessor must return a copy");
  }
}
