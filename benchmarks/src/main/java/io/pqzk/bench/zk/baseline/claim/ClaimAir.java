package io.pqzk.bench.zk.baseline.claim;

import io.pqzk.bench.zk.baseline.Air;

import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Predicate;
import io.pqzk.bench.zk.baseline.field.Ext3;
import io.pqzk.bench.zk.baseline.field.Goldilocks;
import io.pqzk.bench.zk.baseline.hash.Rpo;
import io.pqzk.bench.zk.baseline.internal.Codec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The claim statement as an AIR: "I know attributes a[0..7] and salt s[0..2] whose RPO leaf hash is
 * a leaf under root R, and the attributes satisfy the public policy". Layout (width 21):
 *
 * <ul>
 *   <li>columns 0-11: the RPO state; block k occupies rows 8k..8k+7 (input, then one row per
 *       round). Block 0 absorbs a[0..7], s[0] with capacity[0] = 9 (Winterfell's
 *       {@code hash_elements} of 9 elements); block 1 adds s[1] into rate[0]; blocks 2..depth+1
 *       are {@code merge}s (capacity [8,0,0,0]) of the running digest and a free sibling;
 *   <li>column 12: the path bit b of each merge block, read at the block's first row: b = 0 puts
 *       the digest left (rate 0-3), b = 1 right (rate 4-7); boolean;
 *   <li>columns 13-20: one accumulator per predicate slot: acc[0] = x - t (>=, ==) or t - x (<=),
 *       where x is the hashed attribute cell of row 0; acc[i] - 2 acc[i+1] is a bit for rows 0..31
 *       and acc[32] = 0, so acc[0] is in [0, 2^32): with x, t below 2^32 nothing wraps mod p.
 *       For == also acc[0] = 0. Unused slots hold "subject_id >= 0", always true;
 *   <li>rows from 8 * (depth + 2) (and at least 33) to n - 1: random, for zero-knowledge
 *       (at least {@link #MIN_RANDOM_ROWS}: a proof reveals each trace column at z, g*z and every
 *       query point x, and through the composition value H(x) also depends on it at g*x, so
 *       2 * queries + 2 points in all, at most 96 for up to 47 queries).
 * </ul>
 * The last row of the last block is asserted to equal R in columns 4-7.
 */
public final class ClaimAir extends Air {
  public static final int WIDTH = 21;
  public static final int SLOTS = Policy.MAX_PREDICATES;
  public static final int MIN_RANDOM_ROWS = 96;
  static final int COL_BIT = 12;
  static final int COL_ACC = 13;
  static final int RANGE_BITS = 32;
  // periodic column indices
  static final int P_ARK1 = 0;
  static final int P_ARK2 = 12;
  static final int P_ROUND = 24;
  static final int P_ABSORB = 25;
  static final int P_MERGE = 26;
  static final int P_BIT = 27;
  static final int P_FIRST = 28;
  static final int P_RANGE = 29;
  static final int NUM_PERIODIC = 30;
  /** Transition constraint groups, in order (first index, count). */
  public static final int C_ROUND = 0;
  public static final int C_ABSORB = 12;
  public static final int C_MERGE_CAP = 23;
  public static final int C_MERGE_DIGEST = 27;
  public static final int C_BOOL = 31;
  public static final int C_LINK = 32;
  public static final int C_RANGE = 40;
  public static final int NUM_CONSTRAINTS = 48;

  private final int depth;
  private final int n;
  private final long[] root;
  private final int[] attr = new int[SLOTS];
  private final Predicate.Op[] op = new Predicate.Op[SLOTS];
  private final long[] constant = new long[SLOTS];
  private final Policy policy;
  private final byte[] context;

  public ClaimAir(int depth, long[] root, Policy policy, ClaimContext context) {
    if (depth < 1 || depth > 40) {
      throw new IllegalArgumentException("registry depth must be in [1, 40]: " + depth);
    }
    this.depth = depth;
    this.root = root.clone();
    this.policy = policy;
    this.context = context.bytes();
    this.n = Integer.highestOneBit(Math.max(usedRows(depth), RANGE_BITS + 1) + MIN_RANDOM_ROWS - 1)
        << 1;
    List<Predicate> ps = policy.predicates();
    for (int j = 0; j < SLOTS; j++) {
      if (j < ps.size()) {
        attr[j] = ps.get(j).attribute().ordinal();
        op[j] = ps.get(j).op();
        constant[j] = ps.get(j).constant();
      } else {
        attr[j] = Attribute.SUBJECT_ID.ordinal();
        op[j] = Predicate.Op.GE;
        constant[j] = 0;
      }
    }
  }

  static int usedRows(int depth) {
    return 8 * (depth + 2);
  }

  public int depth() {
    return depth;
  }

  /** Row of the final digest. */
  public int rootRow() {
    return usedRows(depth) - 1;
  }

  @Override
  public int width() {
    return WIDTH;
  }

  @Override
  public int traceLength() {
    return n;
  }

  @Override
  public int numConstraints() {
    return NUM_CONSTRAINTS;
  }

  @Override
  public int maxDegree() {
    return 8; // round constraint: (trace)^7 times the round selector
  }

  @Override
  public int[] degrees() {
    int[] d = new int[NUM_CONSTRAINTS];
    java.util.Arrays.fill(d, C_ROUND, C_ABSORB, 8); // selector * (trace)^7
    java.util.Arrays.fill(d, C_ABSORB, C_MERGE_DIGEST, 2); // selector * linear
    java.util.Arrays.fill(d, C_MERGE_DIGEST, C_BOOL, 3); // selector * bit * difference
    d[C_BOOL] = 3; // selector * b * (b - 1)
    java.util.Arrays.fill(d, C_LINK, C_RANGE, 2); // selector * linear
    java.util.Arrays.fill(d, C_RANGE, NUM_CONSTRAINTS, 3); // selector * r * (r - 1)
    return d;
  }

  int slotAttribute(int j) {
    return attr[j];
  }

  Predicate.Op slotOp(int j) {
    return op[j];
  }

  long slotConstant(int j) {
    return constant[j];
  }

  private static final java.util.Map<Integer, long[][]> PERIODIC_COEFFS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Cached per depth: the periodic columns depend on nothing else. */
  @Override
  public long[][] periodicCoefficients() {
    return PERIODIC_COEFFS.computeIfAbsent(depth, d -> super.periodicCoefficients());
  }

  @Override
  public long[][] periodicColumns() {
    long[][] p = new long[NUM_PERIODIC][n];
    int blocks = depth + 2;
    for (int k = 0; k < blocks; k++) {
      for (int r = 0; r < Rpo.NUM_ROUNDS; r++) {
        int row = 8 * k + r;
        for (int i = 0; i < Rpo.STATE_WIDTH; i++) {
          p[P_ARK1 + i][row] = Rpo.ark1(r, i);
          p[P_ARK2 + i][row] = Rpo.ark2(r, i);
        }
        p[P_ROUND][row] = 1;
      }
      if (k == 0) {
        p[P_ABSORB][7] = 1;
      } else if (k < blocks - 1) {
        p[P_MERGE][8 * k + 7] = 1;
      }
      if (k >= 2) {
        p[P_BIT][8 * k] = 1;
      }
    }
    p[P_FIRST][0] = 1;
    for (int i = 0; i < RANGE_BITS; i++) {
      p[P_RANGE][i] = 1;
    }
    return p;
  }

  @Override
  public void evaluate(Ext3[] cur, Ext3[] next, Ext3[] per, Ext3[] out) {
    int w = Rpo.STATE_WIDTH;
    Ext3[] c7 = new Ext3[w];
    Ext3[] u = new Ext3[w];
    for (int i = 0; i < w; i++) {
      c7[i] = pow7(cur[i]);
      u[i] = next[i].sub(per[P_ARK2 + i]);
    }
    for (int i = 0; i < w; i++) {
      Ext3 m = linear(c7, i, true).add(per[P_ARK1 + i]);
      Ext3 v = pow7(linear(u, i, false));
      out[C_ROUND + i] = per[P_ROUND].mul(m.sub(v));
    }
    int k = 0;
    for (int i = 0; i < w; i++) {
      if (i != Rpo.RATE_START) {
        out[C_ABSORB + k++] = per[P_ABSORB].mul(next[i].sub(cur[i]));
      }
    }
    Ext3 sm = per[P_MERGE];
    for (int i = 0; i < 4; i++) {
      long cap = i == 0 ? Rpo.RATE_WIDTH : 0;
      out[C_MERGE_CAP + i] = sm.mul(next[i].sub(Ext3.base(cap)));
    }
    Ext3 b = next[COL_BIT];
    Ext3 notB = Ext3.ONE.sub(b);
    for (int i = 0; i < 4; i++) {
      Ext3 d = cur[4 + i];
      out[C_MERGE_DIGEST + i] = sm.mul(notB.mul(next[4 + i].sub(d)).add(b.mul(next[8 + i].sub(d))));
    }
    Ext3 bc = cur[COL_BIT];
    out[C_BOOL] = per[P_BIT].mul(bc.mul(bc.sub(Ext3.ONE)));
    for (int j = 0; j < SLOTS; j++) {
      Ext3 x = cur[4 + attr[j]];
      Ext3 diff = x.sub(Ext3.base(constant[j]));
      if (op[j] == Predicate.Op.LE) {
        diff = diff.neg();
      }
      out[C_LINK + j] = per[P_FIRST].mul(cur[COL_ACC + j].sub(diff));
      Ext3 bit = cur[COL_ACC + j].sub(next[COL_ACC + j].mulBase(2));
      out[C_RANGE + j] = per[P_RANGE].mul(bit.mul(bit.sub(Ext3.ONE)));
    }
  }

  @Override
  public void evaluateBase(long[] cur, long[] next, long[] per, long[] out) {
    int w = Rpo.STATE_WIDTH;
    long[] c7 = new long[w];
    long[] u = new long[w];
    for (int i = 0; i < w; i++) {
      c7[i] = pow7(cur[i]);
      u[i] = G.sub(next[i], per[P_ARK2 + i]);
    }
    for (int i = 0; i < w; i++) {
      long m = G.add(linear(c7, i, true), per[P_ARK1 + i]);
      long v = pow7(linear(u, i, false));
      out[C_ROUND + i] = G.mul(per[P_ROUND], G.sub(m, v));
    }
    int k = 0;
    for (int i = 0; i < w; i++) {
      if (i != Rpo.RATE_START) {
        out[C_ABSORB + k++] = G.mul(per[P_ABSORB], G.sub(next[i], cur[i]));
      }
    }
    long sm = per[P_MERGE];
    for (int i = 0; i < 4; i++) {
      long cap = i == 0 ? Rpo.RATE_WIDTH : 0;
      out[C_MERGE_CAP + i] = G.mul(sm, G.sub(next[i], cap));
    }
    long b = next[COL_BIT];
    long notB = G.sub(1, b);
    for (int i = 0; i < 4; i++) {
      long d = cur[4 + i];
      out[C_MERGE_DIGEST + i] = G.mul(sm,
          G.add(G.mul(notB, G.sub(next[4 + i], d)), G.mul(b, G.sub(next[8 + i], d))));
    }
    long bc = cur[COL_BIT];
    out[C_BOOL] = G.mul(per[P_BIT], G.mul(bc, G.sub(bc, 1)));
    for (int j = 0; j < SLOTS; j++) {
      long diff = G.sub(cur[4 + attr[j]], constant[j]);
      if (op[j] == Predicate.Op.LE) {
        diff = G.neg(diff);
      }
      out[C_LINK + j] = G.mul(per[P_FIRST], G.sub(cur[COL_ACC + j], diff));
      long bit = G.sub(cur[COL_ACC + j], G.add(next[COL_ACC + j], next[COL_ACC + j]));
      out[C_RANGE + j] = G.mul(per[P_RANGE], G.mul(bit, G.sub(bit, 1)));
    }
  }

  private static long pow7(long x) {
    long x2 = G.mul(x, x);
    long x4 = G.mul(x2, x2);
    return G.mul(G.mul(x4, x2), x);
  }

  private static long linear(long[] v, int i, boolean forward) {
    long a = 0;
    for (int j = 0; j < v.length; j++) {
      a = G.add(a, G.mul(forward ? Rpo.mds(i, j) : Rpo.invMds(i, j), v[j]));
    }
    return a;
  }

  /** Base-field shorthands. */
  private static final class G {
    static long add(long a, long b) {
      return Goldilocks.add(a, b);
    }

    static long sub(long a, long b) {
      return Goldilocks.sub(a, b);
    }

    static long mul(long a, long b) {
      return Goldilocks.mul(a, b);
    }

    static long neg(long a) {
      return Goldilocks.neg(a);
    }
  }

  private static Ext3 pow7(Ext3 x) {
    Ext3 x2 = x.square();
    Ext3 x4 = x2.square();
    return x4.mul(x2).mul(x);
  }

  /** Row i of MDS (or its inverse) times v, without intermediate objects. */
  private static Ext3 linear(Ext3[] v, int i, boolean forward) {
    long a0 = 0;
    long a1 = 0;
    long a2 = 0;
    for (int j = 0; j < v.length; j++) {
      long m = forward ? Rpo.mds(i, j) : Rpo.invMds(i, j);
      a0 = Goldilocks.add(a0, Goldilocks.mul(m, v[j].a0));
      a1 = Goldilocks.add(a1, Goldilocks.mul(m, v[j].a1));
      a2 = Goldilocks.add(a2, Goldilocks.mul(m, v[j].a2));
    }
    return Ext3.of(a0, a1, a2);
  }

  @Override
  public List<Assertion> assertions() {
    List<Assertion> a = new ArrayList<>();
    a.add(new Assertion(0, 0, 9));
    for (int i = 1; i < 4; i++) {
      a.add(new Assertion(i, 0, 0));
    }
    for (int i = 0; i < 4; i++) {
      a.add(new Assertion(4 + i, rootRow(), root[i]));
    }
    for (int j = 0; j < SLOTS; j++) {
      a.add(new Assertion(COL_ACC + j, RANGE_BITS, 0));
      if (op[j] == Predicate.Op.EQ) {
        a.add(new Assertion(COL_ACC + j, 0, 0));
      }
    }
    return a;
  }

  @Override
  public byte[] identity() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    byte[] name = "pqzk/claim-air/v1 rpo-rp64_256".getBytes(StandardCharsets.UTF_8);
    b.writeBytes(Codec.lengthPrefixed(name));
    b.writeBytes(Codec.lengthPrefixed(new byte[] {(byte) depth, (byte) SLOTS}));
    byte[] r = new byte[32];
    for (int i = 0; i < 4; i++) {
      Codec.putLong(r, 8 * i, root[i]);
    }
    b.writeBytes(Codec.lengthPrefixed(r));
    byte[] pol = new byte[SLOTS * 10];
    for (int j = 0; j < SLOTS; j++) {
      pol[10 * j] = (byte) attr[j];
      pol[10 * j + 1] = (byte) op[j].ordinal();
      Codec.putLong(pol, 10 * j + 2, constant[j]);
    }
    b.writeBytes(Codec.lengthPrefixed(pol));
    b.writeBytes(Codec.lengthPrefixed(context));
    return b.toByteArray();
  }

  @Override
  public String toString() {
    return "ClaimAir[depth=" + depth + ", n=" + n + ", policy=" + policy + "]";
  }
}
