package io.pqzk.bench.zk.baseline.claim;

import io.pqzk.bench.zk.baseline.StarkProver;

import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.MerklePath;
import io.pqzk.zk.claims.Predicate;
import io.pqzk.zk.claims.Record;
import io.pqzk.bench.zk.baseline.field.Goldilocks;
import io.pqzk.bench.zk.baseline.hash.Rpo;
import io.pqzk.bench.zk.baseline.internal.ProverRandom;
import java.security.SecureRandom;

/**
 * Builds the execution trace of {@link ClaimAir} from the witness. Every cell no constraint reads
 * (the padding rows, path bits outside merge blocks, accumulators after row 32) is uniformly
 * random, so the trace polynomials carry fresh randomness beyond what a proof opens.
 */
final class ClaimTrace {
  private ClaimTrace() {}

  /** The witness must already be checked (policy holds, path reaches the root). */
  static long[][] build(ClaimAir air, Record record, MerklePath path, SecureRandom seed) {
    ProverRandom rnd = new ProverRandom(seed);
    int n = air.traceLength();
    long[][] t = new long[ClaimAir.WIDTH][n];
    for (long[] col : t) {
      for (int i = 0; i < n; i++) {
        col[i] = StarkProver.randomElement(rnd);
      }
    }
    long[] attrs = record.attributes();
    long[] salt = record.salt();
    long[] state = new long[Rpo.STATE_WIDTH];
    state[0] = Attribute.values().length + Record.SALT_WORDS;
    System.arraycopy(attrs, 0, state, Rpo.RATE_START, attrs.length);
    state[Rpo.RATE_START + attrs.length] = salt[0];
    permuteInto(t, 0, state);
    state[Rpo.RATE_START] = Goldilocks.add(state[Rpo.RATE_START], salt[1]);
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
    for (int j = 0; j < ClaimAir.SLOTS; j++) {
      long x = attrs[air.slotAttribute(j)];
      long c = air.slotConstant(j);
      long d = air.slotOp(j) == Predicate.Op.LE ? c - x : x - c;
      // d is in [0, 2^32) when the predicate holds; a doctored witness wraps mod p instead
      long acc = Goldilocks.reduce(d < 0 ? Goldilocks.P + d : d);
      for (int i = 0; i <= ClaimAir.RANGE_BITS; i++) {
        t[ClaimAir.COL_ACC + j][i] = i < 64 ? acc >>> i : 0;
      }
    }
    java.util.Arrays.fill(attrs, 0);
    java.util.Arrays.fill(salt, 0);
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
