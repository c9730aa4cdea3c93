package io.pqzk.zk.stark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofRejectedException;
import io.pqzk.zk.stark.field.Goldilocks;
import io.pqzk.zk.stark.security.SecurityLevel;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StarkEngineTest {
  static final int N = 256;
  static final StarkSecurity NO_FLOOR = new StarkSecurity(0, 0);
  static final StarkOptions FAST = new StarkOptions(8, 24, 4, 8, 31);
  /** The FAST set, accepted with no floor. */
  static final StarkAcceptance ANY = StarkAcceptance.of(NO_FLOOR, FAST);
  final SecureRandom rnd = new SecureRandom();

  static StarkAcceptance any(StarkOptions o) {
    return StarkAcceptance.of(NO_FLOOR, o);
  }

  static long result() {
    long[][] t = FibonacciAir.trace(N);
    return t[1][N - 1];
  }

  @Test
  void fibonacci_defaultOptions_provesAndVerifies() throws ProofException {
    long[][] t = FibonacciAir.trace(N);
    FibonacciAir air = new FibonacciAir(N, t[1][N - 1]);
    byte[] proof = StarkProver.prove(air, t, StarkOptions.DEFAULT, rnd);
    SecurityLevel level = StarkVerifier.verify(air, proof, StarkAcceptance.DEFAULT);
    assertTrue(level.provenBits() >= 100, level.toString());
    assertTrue(level.conjecturedBits() >= 128, level.toString());
  }

  @Test
  void fibonacci_foldingFourAndSmallRemainder_provesAndVerifies() throws ProofException {
    long[][] t = FibonacciAir.trace(N);
    FibonacciAir air = new FibonacciAir(N, t[1][N - 1]);
    for (StarkOptions o : new StarkOptions[] {new StarkOptions(8, 24, 4, 4, 15),
        new StarkOptions(16, 20, 2, 8, 7), new StarkOptions(32, 16, 0, 4, 3),
        new StarkOptions(8, 20, 0, 2, 1), new StarkOptions(8, 20, 0, 16, 15),
        new StarkOptions(16, 20, 0, 8, 255), new StarkOptions(16, 20, 0, 8, 31,
            CommitmentHash.SHA3_256)}) {
      byte[] proof = StarkProver.prove(air, t, o, rnd);
      StarkVerifier.verify(air, proof, any(o));
      byte[] bad = proof.clone();
      bad[bad.length - 40] ^= 4; // inside the last FRI layer's openings (or the trace's)
      assertThrows(ProofException.class, () -> StarkVerifier.verify(air, bad, any(o)),
          o.toString());
    }
  }

  @Test
  void verify_wrongPublicResult_throws() {
    long[][] t = FibonacciAir.trace(N);
    byte[] proof = StarkProver.prove(new FibonacciAir(N, t[1][N - 1]), t, FAST, rnd);
    FibonacciAir other = new FibonacciAir(N, Goldilocks.add(t[1][N - 1], 1));
    assertThrows(ProofRejectedException.class, () -> StarkVerifier.verify(other, proof, ANY));
  }

  @Test
  void prove_badTrace_refuses() {
    long[][] t = FibonacciAir.trace(N);
    long res = t[1][N - 1];
    t[0][100] = Goldilocks.add(t[0][100], 1);
    assertThrows(IllegalArgumentException.class,
        () -> StarkProver.prove(new FibonacciAir(N, res), t, FAST, rnd));
  }

  @Test
  void verify_forcedProofOfBadTrace_throws() {
    long[][] t = FibonacciAir.trace(N);
    long res = t[1][N - 1];
    t[0][100] = Goldilocks.add(t[0][100], 1);
    byte[] proof = StarkProver.proveUncheckedForTesting(new FibonacciAir(N, res), t, FAST, rnd);
    assertThrows(ProofRejectedException.class,
        () -> StarkVerifier.verify(new FibonacciAir(N, res), proof, ANY));
  }

  @Test
  void verify_everyByteFlippedAtSampledOffsets_throws() {
    long[][] t = FibonacciAir.trace(N);
    FibonacciAir air = new FibonacciAir(N, t[1][N - 1]);
    byte[] proof = StarkProver.prove(air, t, FAST, rnd);
    for (int off = 0; off < proof.length; off += Math.max(1, proof.length / 300)) {
      byte[] bad = proof.clone();
      bad[off] ^= 1;
      int at = off;
      assertThrows(ProofException.class, () -> StarkVerifier.verify(air, bad, ANY),
          "flip at byte " + at);
    }
  }

  /** Random mutations (flips, truncations, insertions) only ever raise a ProofException. */
  @Test
  void verify_randomMutations_onlyTypedExceptions() {
    long[][] t = FibonacciAir.trace(N);
    FibonacciAir air = new FibonacciAir(N, t[1][N - 1]);
    byte[] proof = StarkProver.prove(air, t, FAST, rnd);
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < 300; i++) {
      byte[] bad;
      switch (i % 3) {
        case 0 -> {
          bad = proof.clone();
          for (int k = 0; k <= r.nextInt(4); k++) {
            bad[r.nextInt(bad.length)] ^= (byte) (1 + r.nextInt(255));
          }
          if (Arrays.equals(bad, proof)) {
            continue; // two flips of the same byte cancelled: not a mutation
          }
        }
        case 1 -> bad = Arrays.copyOf(proof, r.nextInt(proof.length));
        default -> {
          int at = r.nextInt(proof.length);
          bad = new byte[proof.length + 1];
          System.arraycopy(proof, 0, bad, 0, at);
          bad[at] = (byte) r.nextInt();
          System.arraycopy(proof, at, bad, at + 1, proof.length - at);
        }
      }
      byte[] b = bad;
      assertThrows(ProofException.class, () -> StarkVerifier.verify(air, b, ANY), "case " + i);
    }
  }

  @Test
  void verify_truncatedOrExtended_isMalformed() {
    long[][] t = FibonacciAir.trace(N);
    FibonacciAir air = new FibonacciAir(N, t[1][N - 1]);
    byte[] proof = StarkProver.prove(air, t, FAST, rnd);
    assertThrows(MalformedProofException.class,
        () -> StarkVerifier.verify(air, Arrays.copyOf(proof, proof.length - 1), ANY));
    assertThrows(MalformedProofException.class,
        () -> StarkVerifier.verify(air, Arrays.copyOf(proof, proof.length + 1), ANY));
    assertThrows(MalformedProofException.class,
        () -> StarkVerifier.verify(air, new byte[StarkVerifier.MAX_PROOF_BYTES + 1], ANY));
  }

  @Test
  void verify_parametersBelowFloor_throws() {
    long[][] t = FibonacciAir.trace(N);
    FibonacciAir air = new FibonacciAir(N, t[1][N - 1]);
    byte[] proof = StarkProver.prove(air, t, FAST, rnd);
    ProofRejectedException e = assertThrows(ProofRejectedException.class,
        () -> StarkVerifier.verify(air, proof, StarkAcceptance.of(StarkSecurity.DEFAULT, FAST)));
    assertTrue(e.getMessage().contains("below the floor"), e.getMessage());
  }

  @Test
  void verify_nonCanonicalElement_isMalformed() throws ProofException {
    long[][] t = FibonacciAir.trace(N);
    FibonacciAir air = new FibonacciAir(N, t[1][N - 1]);
    byte[] proof = StarkProver.prove(air, t, FAST, rnd);
    // first OOD value starts after magic(8) options(7) logN(1) width(2) segments(1) roots(64)
    int off = 8 + 7 + 1 + 2 + 1 + 64;
    byte[] bad = proof.clone();
    Arrays.fill(bad, off, off + 8, (byte) 0xFF);
    MalformedProofException e = assertThrows(MalformedProofException.class,
        () -> StarkVerifier.verify(air, bad, ANY));
    assertTrue(e.getMessage().contains("non-canonical"), e.getMessage());
    assertEquals(N, air.traceLength());
  }
}
