package io.pqzk.ledger.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SignaturesTest {
  static List<String> algorithms() {
    return Signatures.ALGORITHMS.stream().sorted().toList();
  }

  /** Our SPKI bytes must equal BouncyCastle's (RFC 9881 / RFC 9909) for every parameter set. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("algorithms")
  void spki_matchesBouncyCastleEncoding(String alg) throws Exception {
    byte[] bc = KeyPairGenerator.getInstance(alg.toUpperCase(java.util.Locale.ROOT),
        new BouncyCastleProvider()).generateKeyPair().getPublic().getEncoded();
    LedgerPublicKey k = Signatures.publicKey(alg, bc);
    assertArrayEquals(bc, k.spki());
    assertEquals(bc.length, Signatures.generate(alg).publicKey().spki().length);
  }

  /**
   * The ledger verifies with the signature module's own verifiers (provider {@code pqzk}), in
   * single checks and in batches alike; verdicts on valid and altered signatures are those of the
   * standard for the ML-DSA sets, an SLH-DSA-SHA2 set (its own core) and an SLH-DSA-SHAKE set
   * (BouncyCastle's, through the same provider).
   */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"ML-DSA-44", "ML-DSA-65", "ML-DSA-87",
      "SLH-DSA-SHA2-128f", "SLH-DSA-SHAKE-128f"})
  void verification_goesThroughThePqzkProvider(String alg) throws Exception {
    assertEquals("pqzk", Signatures.verificationProviderName());
    LedgerSigningKey k = Signatures.generate(alg);
    byte[] msg = {4, 5, 6};
    byte[] ctx = {9};
    byte[] sig = Signatures.sign(k, msg, ctx);
    Signatures.verify(k.publicKey(), msg, ctx, sig);
    byte[] bad = sig.clone();
    bad[sig.length / 2] ^= 4;
    assertThrows(SignatureException.class, () -> Signatures.verify(k.publicKey(), msg, ctx, bad));
    Signatures.verifyAll(List.of(new Signatures.Check(k.publicKey(), msg, ctx, sig, "good", 0)));
    Signatures.BatchFailure f = assertThrows(Signatures.BatchFailure.class,
        () -> Signatures.verifyAll(List.of(
            new Signatures.Check(k.publicKey(), msg, ctx, sig, "good", 0),
            new Signatures.Check(k.publicKey(), msg, ctx, bad, "altered", 0))));
    assertEquals("altered", f.check().what());
  }

  @Test
  void publicKey_spkiOfOtherAlgorithm_throws() throws Exception {
    byte[] spki = Signatures.generate("ML-DSA-44").publicKey().spki();
    assertThrows(GeneralSecurityException.class, () -> Signatures.publicKey("ML-DSA-65", spki));
  }

  @Test
  void verify_wrongContextOrFlippedBit_throws() throws Exception {
    LedgerSigningKey k = Signatures.generate("ML-DSA-65");
    byte[] msg = {1, 2, 3};
    byte[] sig = Signatures.sign(k, msg, new byte[] {7});
    Signatures.verify(k.publicKey(), msg, new byte[] {7}, sig);
    assertThrows(SignatureException.class,
        () -> Signatures.verify(k.publicKey(), msg, new byte[] {8}, sig));
    byte[] bad = sig.clone();
    bad[100] ^= 1;
    assertThrows(SignatureException.class,
        () -> Signatures.verify(k.publicKey(), msg, new byte[] {7}, bad));
  }

  @Test
  void decodePrivate_roundTripsAndRejectsForeignPublicKey() throws Exception {
    LedgerSigningKey k = Signatures.generate("SLH-DSA-SHA2-128f");
    byte[] seed = Signatures.encodePrivate(k);
    LedgerSigningKey back = Signatures.decodePrivate(k.publicKey(), seed);
    Signatures.verify(k.publicKey(), new byte[] {1}, new byte[0],
        Signatures.sign(back, new byte[] {1}, new byte[0]));
    LedgerPublicKey other = Signatures.generate("SLH-DSA-SHA2-128f").publicKey();
    assertThrows(GeneralSecurityException.class, () -> Signatures.decodePrivate(other, seed));
  }

  @Test
  void verifyAll_reportsFirstFailureInListOrder() throws Exception {
    LedgerSigningKey k = Signatures.generate("ML-DSA-44");
    List<Signatures.Check> checks = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      byte[] m = {(byte) i};
      byte[] s = Signatures.sign(k, m, new byte[0]);
      if (i == 17 || i == 31) {
        s[5] ^= 1;
      }
      checks.add(new Signatures.Check(k.publicKey(), m, new byte[0], s, "check " + i, i));
    }
    Signatures.BatchFailure f = assertThrows(Signatures.BatchFailure.class,
        () -> Signatures.verifyAll(checks));
    assertEquals(17, f.check().block());
  }

  @Test
  void check_unknownOrCompositeAlgorithm_throws() {
    assertThrows(UnsupportedAlgorithmException.class, () -> Signatures.check("ML-DSA-99"));
    assertThrows(UnsupportedAlgorithmException.class,
        () -> Signatures.check("MLDSA65-Ed25519-SHA512"));
  }
}
