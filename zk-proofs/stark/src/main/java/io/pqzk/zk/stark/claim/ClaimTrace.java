package io.pqzk.zk.stark.claim;

import io.pqzk.zk.claims.MerklePath;
import io.pqzk.zk.claims.Predicate;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.stark.StarkProver;
import io.pqzk.zk.stark.field.Goldilocks;
import io.pqzk.zk.stark.hash.Rpo;
import io.pqzk.zk.stark.internal.ProverRandom;
import java.security.SecureRandom;

/**
 * Builds the execution trace of {@link ClaimAir} from the witness. Every cell no constraint reads
 * (the padding rows, path bits outside merge blocks, accumulators after row 32) is uniformly
 * random, so the trace polynomials carry fresh randomness beyond what a proof opens.
 */
final class ClaimTrace {
  private ClaimTrace() {}

  /** The witness must already be checked (policy holds, path reaches the root, schema fits). */
  static long[][] build(ClaimAir air, Record record, MerklePath path, SecureRandom seed) {
    ProverRandom rnd = new ProverRandom(seed);
    int n = air.traceLength();
    long[][] t = new long[air.width()][n];
    for (long[] col : t) {
      for (int i = 0; i < n; i++) {
        col[i] = StarkProver.randomElement(rnd);
      }
    }
    long[] input = StarkRegistryHash.leafInput(record, air.schema());
    long[] state = new long[Rpo.STATE_WIDTH];
    state[0] = input.length;
    System.arraycopy(input, 0, state, Rpo.RATE_START, Rpo.RATE_WIDTH);
    permuteInto(t, 0, state);
    for (int i = Rpo.RATE_WIDTH; i < input.length; i++) {
      int c = Rpo.RATE_START + i - Rpo.RATE_WIDTH;
      state[c] = Goldilocks.add(state[c], input[i]);
    }
    permuteInto(t, 8, state);
    for (int level = 0; level < air.depth(); level++) {
      long[] digest = new long[4];
      System.arraycopy(state, Rpo.RATE_START, digest, 0, 4);
      long[] sib = StarkRegistryHash.fromBytes(path.sibling(level));
      int bit = (int) ((path.index() >>> level) & 1);
      long[] s = new long[Rpo.STATE_WIDTH];
      s[0] = Rpo.RATE_WIDTH;
      System.arraycopy(bit == 0 ? digest : sib, 0, s, 4, 4);
      System.arraycopy(bit == 0 ? sib : digest, 0, s, 8, 4);
      int row = 8 * (level + 2);
      t[ClaimAir.COL_BIT][row] = bit;
      permuteInto(t, row, s);
      state = s;
    }
    for (int j = 0; j < air.predicates(); j++) {
      long x = input[air.slotAttribute(j)];
      long c = air.slotConstant(j);
      long d = air.slotOp(j) == Predicate.Op.LE ? c - x : x - c;
      // d is in [0, 2^32) when the predicate holds; a doctored witness wraps mod p instead
      long acc = Goldilocks.reduce(d < 0 ? Goldilocks.P + d : d);
      for (int i = 0; i <= ClaimAir.RANGE_BITS; i++) {
        t[ClaimAir.COL_ACC + j][i] = acc >>> i;
      }
    }
    java.util.Arrays.fill(input, 0);
    return t;
  }

  /** Writes the input row and the 7 round outputs starting at {@code row}; updates state. */
  private static void permuteInto(long[][] t, int row, long[] state) {
    for (int r = 0; r <= Rpo.NUM_ROUNDS; r++) {
      if (r > 0) {
        Rpo.round(state, r - 1);
      }
      for (int i = 0; i < Rpo.STATE_WIDTH; i++) {
        t[i][row + r] = state[i];
      }
    }
  }
}
