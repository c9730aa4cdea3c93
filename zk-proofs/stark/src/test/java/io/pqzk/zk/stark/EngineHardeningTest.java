package io.pqzk.zk.stark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.ProofException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit's engine-level findings, each reproduced: (1) a verifier accepts only its configured
 * option sets, not any set above the floor; (2) option sets whose FRI remainder could fold to
 * degree bound 0 are refused when built; (5) proofs are size-capped from the accepted set before
 * any parsing.
 */
class EngineHardeningTest {
  final SecureRandom rnd = new SecureRandom();

  /**
   * The audit's case: 255 queries, blowup 64, folding 4 give a valid proof (here of a
   * 1024-row Fibonacci trace) above every floor; a verifier configured with the default set
   * refuses it, typed, naming both sets; one configured with that set accepts it.
   */
  @Test
  void verify_validProofOfUnconfiguredSet_refused() throws ProofException {
    int n = 1024;
    long[][] t = FibonacciAir.trace(n);
    FibonacciAir air = new FibonacciAir(n, t[1][n - 1]);
    StarkOptions heavy = new StarkOptions(64, 255, 0, 4, 15);
    byte[] proof = StarkProver.prove(air, t, heavy, rnd);
    assertTrue(proof.length > 300_000, proof.length + " bytes");
    StarkAcceptance configured = StarkAcceptance.of(StarkSecurity.DEFAULT, StarkOptions.DEFAULT);
    UnacceptedOptionsException e = assertThrows(UnacceptedOptionsException.class,
        () -> StarkVerifier.verify(air, proof, configured));
    assertEquals(heavy, e.options());
    assertTrue(e.getMessage().contains(heavy.name()) && e.getMessage().contains(
        StarkOptions.DEFAULT.name()), e.getMessage());
    StarkVerifier.verify(air, proof, StarkAcceptance.of(StarkSecurity.DEFAULT, heavy));
  }

  static Stream<Arguments> foldingToZero() {
    return Stream.of(Arguments.of(4, 0), Arguments.of(4, 1), Arguments.of(8, 0),
        Arguments.of(8, 1), Arguments.of(8, 3), Arguments.of(16, 7), Arguments.of(2, 0));
  }

  /**
   * The audit's case: folding 4 with remainder degree 0 folds a 512-row trace's bound
   * 512, 128, 32, 8, 2 to 0 (and folding 8 with remainder degree 1 folds 256 to 0): every honest
   * proof would fail. Such sets are refused when built.
   */
  @ParameterizedTest(name = "folding {0}, remainder degree {1}: refused at construction")
  @MethodSource("foldingToZero")
  void options_remainderCouldFoldToZero_refused(int folding, int remainderDegree) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new StarkOptions(16, 30, 0, folding, remainderDegree));
    assertTrue(e.getMessage().contains("fold the degree bound to 0"), e.getMessage());
  }

  /** Every set that can be built keeps at least one remainder coefficient for every trace. */
  @Test
  void options_everyBuildableSet_remainderAtLeastOne() {
    int checked = 0;
    for (int f : new int[] {2, 4, 8, 16}) {
      for (int r = f - 1; r <= 255; r = 2 * r + 1) {
        StarkOptions o = new StarkOptions(8, 1, 0, f, r);
        for (int log = 0; log <= 16; log++) {
          int len = o.remainderLength(1 << log);
          assertTrue(len >= 1 && len <= r + 1, o + " at 2^" + log + ": " + len);
          checked++;
        }
      }
    }
    assertTrue(checked > 100);
  }

  /** Decoding a 7-byte encoding of such a set is refused too (a proof cannot smuggle one in). */
  @Test
  void decode_remainderCouldFoldToZero_refused() {
    byte[] enc = new StarkOptions(16, 30, 0, 4, 3).encode();
    enc[5] = 0; // remainder degree 0 with folding 4
    assertThrows(IllegalArgumentException.class, () -> StarkOptions.decode(enc));
  }

  /**
   * Size cap: a proof one byte longer than the largest the accepted set allows for the AIR is
   * malformed before parsing, as is any input above the absolute limit; the cap is above every
   * honest proof.
   */
  @Test
  void verify_aboveTheSetsSizeCap_malformedBeforeParsing() throws ProofException {
    int n = 256;
    long[][] t = FibonacciAir.trace(n);
    FibonacciAir air = new FibonacciAir(n, t[1][n - 1]);
    StarkOptions o = new StarkOptions(8, 24, 4, 8, 31);
    byte[] proof = StarkProver.prove(air, t, o, rnd);
    long cap = StarkVerifier.maxProofBytes(air, o);
    assertTrue(proof.length <= cap, proof.length + " > cap " + cap);
    byte[] big = Arrays.copyOf(proof, (int) cap + 1);
    MalformedProofException e = assertThrows(MalformedProofException.class,
        () -> StarkVerifier.verify(air, big, StarkAcceptance.of(new StarkSecurity(0, 0), o)));
    assertTrue(e.getMessage().contains("the most parameter set"), e.getMessage());
  }

  @Test
  void options_nameRoundTrips_andParseNamesTheProblem() {
    for (StarkOptions o : new StarkOptions[] {StarkOptions.DEFAULT, new StarkOptions(16, 43, 16,
        8, 31, CommitmentHash.SHA3_256), new StarkOptions(64, 255, 0, 4, 15)}) {
      assertEquals(o, StarkOptions.parse(o.name()));
      assertEquals(o, StarkOptions.decode(o.encode()));
    }
    assertEquals("b32-q34-g16-f8-r255-sha256", StarkOptions.DEFAULT.name());
    for (String bad : new String[] {"", "b32-q34", "b32-q34-g16-f8-r255-md5",
        "b33-q34-g16-f8-r255-sha256", "b32-q0-g16-f8-r255-sha256"}) {
      assertThrows(IllegalArgumentException.class, () -> StarkOptions.parse(bad), bad);
    }
  }
}
