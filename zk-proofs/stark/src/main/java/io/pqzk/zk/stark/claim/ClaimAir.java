package io.pqzk.zk.stark.claim;

import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.DocumentDigest;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Predicate;
import io.pqzk.zk.claims.Record;
import io.pqzk.zk.claims.RecordSchema;
import io.pqzk.zk.stark.Air;
import io.pqzk.zk.stark.StarkOptions;
import io.pqzk.zk.stark.StarkProver;
import io.pqzk.zk.stark.field.Ext3;
import io.pqzk.zk.stark.field.Goldilocks;
import io.pqzk.zk.stark.hash.Rpo;
import io.pqzk.zk.stark.internal.Codec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The claim statement as an AIR: "I know a record (attributes a[0..7], salt s[0..2] and, schema
 * 2, document limbs d[0..5]) whose RPO leaf hash is a leaf under root R, whose attributes satisfy
 * the public policy and, for an integrity claim, whose document digest is the public one".
 * Layout (width 13 + one column per predicate):
 *
 * <ul>
 *   <li>columns 0-11: the RPO state; block k occupies rows 8k..8k+7 (input, then one row per
 *       round). Block 0 absorbs a[0..7], s[0] with capacity[0] = the leaf's element count (9,
 *       or 14 for schema 2: Winterfell's {@code hash_elements}); block 1 adds s[1] into rate[0]
 *       and, schema 2, d[j] into rate[1 + j]; blocks 2..depth+1 are {@code merge}s (capacity
 *       [8,0,0,0]) of the running digest and a free sibling. An integrity claim asserts
 *       rate[1 + j] of row 8 minus that of row 7 equal to the public limb d[j];
 *   <li>column 12: the path bit b of each merge block, read at the block's first row: b = 0 puts
 *       the digest left (rate 0-3), b = 1 right (rate 4-7); boolean;
 *   <li>columns 13..: one accumulator per predicate of the policy's
 *       {@link Policy#effectivePredicates()} (its own, then {@code a<=2^32-2} for each attribute
 *       it bounds only from below, so that no predicate holds on an absent attribute, 2^32 - 1):
 *       acc[0] = x - t (>=, ==) or t - x (<=), where x is the hashed attribute cell of row 0;
 *       acc[i] - 2 acc[i+1] is a bit for rows 0..31 and acc[32] = 0, so acc[0] is in [0, 2^32):
 *       with x, t below 2^32 nothing wraps mod p. For == also acc[0] = 0. The predicate count
 *       is part of the statement ({@link #identity()}), so no slot is padded;
 *   <li>rows from 8 * (depth + 2) (and at least 33) to n - 1: random, for zero-knowledge: at
 *       least the {@link StarkProver#revealedPoints} (2 q + 6) of the option set proved with, so
 *       n depends on the query count (256 at depth 20 with the default 34 queries).
 * </ul>
 * The last row of the last block is asserted to equal R in columns 4-7. Periodic columns: the
 * round constants (period 8) and five row selectors (period n).
 */
public final class ClaimAir extends Air {
  static final int STATE = Rpo.STATE_WIDTH;
  static final int COL_BIT = 12;
  static final int COL_ACC = 13;
  static final int RANGE_BITS = 32;
  /** Integrity: document limbs asserted, 52 bits each (5 limbs hold the 256-bit digest). */
  static final int DOC_LIMBS = StarkRegistryHash.DOCUMENT_LIMBS;
  // periodic column indices
  static final int P_ARK1 = 0;
  static final int P_ARK2 = 12;
  static final int P_ROUND = 24;
  static final int P_ABSORB = 25;
  static final int P_MERGE = 26;
  static final int P_FIRST = 27;
  static final int P_RANGE = 28;
  static final int NUM_PERIODIC = 29;

  private final int depth;
  private final RecordSchema schema;
  private final int n;
  private final long[] root;
  private final int[] attr;
  private final Predicate.Op[] op;
  private final long[] constant;
  private final Policy policy;
  private final byte[] context;
  private final long[] documentLimbs; // null: the document (if any) stays private
  private final int[] unchanged; // state columns the absorption of block 1 leaves as they are

  /** Constraint groups, in order: each group's first index. */
  final int cAbsorb;
  final int cDocument;
  final int cMergeCap;
  final int cMergeDigest;
  final int cBool;
  final int cLink;
  final int cRange;
  private final int numConstraints;

  /**
   * @param randomRows random rows the trace must end with (at least): the points a proof with
   *     the intended options reveals per column ({@link StarkProver#revealedPoints})
   */
  public ClaimAir(int depth, RecordSchema schema, long[] root, Policy policy,
      ClaimContext context, Optional<DocumentDigest> document, int randomRows) {
    if (depth < 1 || depth > 40) {
      throw new IllegalArgumentException("registry depth must be in [1, 40]: " + depth);
    }
    if (document.isPresent() && !schema.hasDocument()) {
      throw new IllegalArgumentException("schema " + schema + " has no document digest");
    }
    this.depth = depth;
    this.schema = schema;
    this.root = root.clone();
    this.policy = policy;
    this.context = context.bytes();
    this.documentLimbs = document.map(StarkRegistryHash::documentLimbs).orElse(null);
    this.n = traceLength(depth, randomRows);
    List<Predicate> ps = policy.effectivePredicates(); // absent attributes fail every one
    int k = ps.size();
    attr = new int[k];
    op = new Predicate.Op[k];
    constant = new long[k];
    for (int j = 0; j < k; j++) {
      attr[j] = ps.get(j).attribute().ordinal();
      op[j] = ps.get(j).op();
      constant[j] = ps.get(j).constant();
    }
    int absorbed = leafLength(schema) - Rpo.RATE_WIDTH; // rate cells block 1 adds to
    List<Integer> same = new ArrayList<>();
    for (int i = 0; i < STATE; i++) {
      if (i < Rpo.RATE_START || i >= Rpo.RATE_START + absorbed) {
        same.add(i);
      }
    }
    unchanged = same.stream().mapToInt(Integer::intValue).toArray();
    cAbsorb = STATE;
    cDocument = cAbsorb + unchanged.length;
    cMergeCap = cDocument + (documentLimbs == null ? 0 : DOC_LIMBS);
    cMergeDigest = cMergeCap + 4;
    cBool = cMergeDigest + 4;
    cLink = cBool + 1;
    cRange = cLink + k;
    numConstraints = cRange + k;
  }

  /** The AIR of a statement, sized for proofs with {@code options}. */
  public static ClaimAir of(int depth, ClaimStatement s, StarkOptions options) {
    return new ClaimAir(depth, s.schema(), StarkRegistryHash.fromBytes(s.root()), s.policy(),
        s.context(), s.document(), StarkProver.revealedPoints(options));
  }

  /** The trace length at this depth with at least {@code randomRows} random rows. */
  public static int traceLength(int depth, int randomRows) {
    int used = Math.max(usedRows(depth), RANGE_BITS + 1);
    return Integer.highestOneBit(Math.max(1, used + Math.max(1, randomRows) - 1)) << 1;
  }

  /** Elements hashed into a leaf: attributes and salt, and the document limbs (schema 2). */
  static int leafLength(RecordSchema schema) {
    return Attribute.values().length + Record.SALT_WORDS
        + (schema.hasDocument() ? DOC_LIMBS : 0);
  }

  static int usedRows(int depth) {
    return 8 * (depth + 2);
  }

  public int depth() {
    return depth;
  }

  public RecordSchema schema() {
    return schema;
  }

  /** Row of the final digest. */
  public int rootRow() {
    return usedRows(depth) - 1;
  }

  /** Number of predicates (accumulator columns). */
  public int predicates() {
    return attr.length;
  }

  @Override
  public int width() {
    return COL_ACC + attr.length;
  }

  @Override
  public int traceLength() {
    return n;
  }

  @Override
  public int zeroKnowledgeRows() {
    return n - Math.max(usedRows(depth), RANGE_BITS + 1);
  }

  @Override
  public int numConstraints() {
    return numConstraints;
  }

  @Override
  public int maxDegree() {
    return 8; // round constraint: (trace)^7 times the round selector
  }

  @Override
  public int[] degrees() {
    int[] d = new int[numConstraints];
    java.util.Arrays.fill(d, 0, cAbsorb, 8); // selector * (trace)^7
    java.util.Arrays.fill(d, cAbsorb, cMergeDigest, 2); // selector * linear
    java.util.Arrays.fill(d, cMergeDigest, cLink, 3); // selector * bit * difference
    java.util.Arrays.fill(d, cLink, cRange, 2); // selector * linear
    java.util.Arrays.fill(d, cRange, numConstraints, 3); // selector * r * (r - 1)
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

  int[] unchangedColumns() {
    return unchanged.clone();
  }

  @Override
  protected Object periodicKey() {
    return List.of("pqzk/claim-air/v2", depth, n);
  }

  @Override
  public long[][] periodicColumns() {
    long[][] p = new long[NUM_PERIODIC][];
    for (int i = 0; i < STATE; i++) {
      p[P_ARK1 + i] = new long[8];
      p[P_ARK2 + i] = new long[8];
      for (int r = 0; r < Rpo.NUM_ROUNDS; r++) {
        p[P_ARK1 + i][r] = Rpo.ark1(r, i);
        p[P_ARK2 + i][r] = Rpo.ark2(r, i);
      }
    }
    for (int k = P_ROUND; k < NUM_PERIODIC; k++) {
      p[k] = new long[n];
    }
    int blocks = depth + 2;
    for (int k = 0; k < blocks; k++) {
      for (int r = 0; r < Rpo.NUM_ROUNDS; r++) {
        p[P_ROUND][8 * k + r] = 1;
      }
      if (k >= 1 && k < blocks - 1) {
        p[P_MERGE][8 * k + 7] = 1;
      }
    }
    p[P_ABSORB][7] = 1;
    p[P_FIRST][0] = 1;
    for (int i = 0; i < RANGE_BITS; i++) {
      p[P_RANGE][i] = 1;
    }
    return p;
  }

  @Override
  public void evaluate(Ext3[] cur, Ext3[] next, Ext3[] per, Ext3[] out) {
    Ext3[] c7 = new Ext3[STATE];
    Ext3[] u = new Ext3[STATE];
    for (int i = 0; i < STATE; i++) {
      c7[i] = pow7(cur[i]);
      u[i] = next[i].sub(per[P_ARK2 + i]);
    }
    for (int i = 0; i < STATE; i++) {
      Ext3 m = linear(c7, i, true).add(per[P_ARK1 + i]);
      Ext3 v = pow7(linear(u, i, false));
      out[i] = per[P_ROUND].mul(m.sub(v));
    }
    Ext3 sa = per[P_ABSORB];
    for (int k = 0; k < unchanged.length; k++) {
      out[cAbsorb + k] = sa.mul(next[unchanged[k]].sub(cur[unchanged[k]]));
    }
    if (documentLimbs != null) {
      for (int j = 0; j < DOC_LIMBS; j++) {
        int c = Rpo.RATE_START + 1 + j;
        out[cDocument + j] = sa.mul(next[c].sub(cur[c]).sub(Ext3.base(documentLimbs[j])));
      }
    }
    Ext3 sm = per[P_MERGE];
    for (int i = 0; i < 4; i++) {
      long cap = i == 0 ? Rpo.RATE_WIDTH : 0;
      out[cMergeCap + i] = sm.mul(next[i].sub(Ext3.base(cap)));
    }
    Ext3 b = next[COL_BIT];
    Ext3 notB = Ext3.ONE.sub(b);
    for (int i = 0; i < 4; i++) {
      Ext3 d = cur[4 + i];
      out[cMergeDigest + i] = sm.mul(notB.mul(next[4 + i].sub(d)).add(b.mul(next[8 + i].sub(d))));
    }
    out[cBool] = sm.mul(b.mul(b.sub(Ext3.ONE)));
    for (int j = 0; j < attr.length; j++) {
      Ext3 diff = cur[4 + attr[j]].sub(Ext3.base(constant[j]));
      if (op[j] == Predicate.Op.LE) {
        diff = diff.neg();
      }
      out[cLink + j] = per[P_FIRST].mul(cur[COL_ACC + j].sub(diff));
      Ext3 bit = cur[COL_ACC + j].sub(next[COL_ACC + j].mulBase(2));
      out[cRange + j] = per[P_RANGE].mul(bit.mul(bit.sub(Ext3.ONE)));
    }
  }

  @Override
  public void evaluateBase(long[] cur, long[] next, long[] per, long[] out) {
    long[] c7 = new long[STATE];
    long[] u = new long[STATE];
    for (int i = 0; i < STATE; i++) {
      c7[i] = pow7(cur[i]);
      u[i] = G.sub(next[i], per[P_ARK2 + i]);
    }
    long sr = per[P_ROUND];
    if (sr == 0) {
      java.util.Arrays.fill(out, 0, STATE, 0);
    } else {
      Rpo.mdsInPlace(c7); // MDS(s^7), one reduction per row (its entries are small)
      for (int i = 0; i < STATE; i++) {
        long m = G.add(c7[i], per[P_ARK1 + i]);
        long v = pow7(linear(u, i, false));
        out[i] = G.mul(sr, G.sub(m, v));
      }
    }
    long sa = per[P_ABSORB];
    for (int k = 0; k < unchanged.length; k++) {
      out[cAbsorb + k] = G.mul(sa, G.sub(next[unchanged[k]], cur[unchanged[k]]));
    }
    if (documentLimbs != null) {
      for (int j = 0; j < DOC_LIMBS; j++) {
        int c = Rpo.RATE_START + 1 + j;
        out[cDocument + j] = G.mul(sa, G.sub(G.sub(next[c], cur[c]), documentLimbs[j]));
      }
    }
    long sm = per[P_MERGE];
    for (int i = 0; i < 4; i++) {
      long cap = i == 0 ? Rpo.RATE_WIDTH : 0;
      out[cMergeCap + i] = G.mul(sm, G.sub(next[i], cap));
    }
    long b = next[COL_BIT];
    long notB = G.sub(1, b);
    for (int i = 0; i < 4; i++) {
      long d = cur[4 + i];
      out[cMergeDigest + i] = G.mul(sm,
          G.add(G.mul(notB, G.sub(next[4 + i], d)), G.mul(b, G.sub(next[8 + i], d))));
    }
    out[cBool] = G.mul(sm, G.mul(b, G.sub(b, 1)));
    for (int j = 0; j < attr.length; j++) {
      long diff = G.sub(cur[4 + attr[j]], constant[j]);
      if (op[j] == Predicate.Op.LE) {
        diff = G.neg(diff);
      }
      out[cLink + j] = G.mul(per[P_FIRST], G.sub(cur[COL_ACC + j], diff));
      long bit = G.sub(cur[COL_ACC + j], G.add(next[COL_ACC + j], next[COL_ACC + j]));
      out[cRange + j] = G.mul(per[P_RANGE], G.mul(bit, G.sub(bit, 1)));
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
    a.add(new Assertion(0, 0, leafLength(schema)));
    for (int i = 1; i < 4; i++) {
      a.add(new Assertion(i, 0, 0));
    }
    for (int i = 0; i < 4; i++) {
      a.add(new Assertion(4 + i, rootRow(), root[i]));
    }
    for (int j = 0; j < attr.length; j++) {
      a.add(new Assertion(COL_ACC + j, RANGE_BITS, 0));
      if (op[j] == Predicate.Op.EQ) {
        a.add(new Assertion(COL_ACC + j, 0, 0));
      }
    }
    return a;
  }

  /**
   * One-to-one: name and version, depth, log2 n, schema, the count and each predicate
   * (attribute, operator, constant) of the effective list (one-to-one on policies), the root, whether a document digest is public and which,
   * and the context, each length-prefixed. Two different statements never share an identity, so
   * never a proof ({@code fitness>=70} and {@code fitness>=70 && subject_id>=0} differ in the
   * count).
   */
  @Override
  public byte[] identity() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    byte[] name = "pqzk/claim-air/v2 rpo-rp64_256".getBytes(StandardCharsets.UTF_8);
    b.writeBytes(Codec.lengthPrefixed(name));
    b.writeBytes(Codec.lengthPrefixed(new byte[] {(byte) depth,
        (byte) Integer.numberOfTrailingZeros(n), (byte) schema.number(), (byte) attr.length}));
    byte[] pol = new byte[attr.length * 10];
    for (int j = 0; j < attr.length; j++) {
      pol[10 * j] = (byte) attr[j];
      pol[10 * j + 1] = (byte) op[j].ordinal();
      Codec.putLong(pol, 10 * j + 2, constant[j]);
    }
    b.writeBytes(Codec.lengthPrefixed(pol));
    byte[] r = new byte[32];
    for (int i = 0; i < 4; i++) {
      Codec.putLong(r, 8 * i, root[i]);
    }
    b.writeBytes(Codec.lengthPrefixed(r));
    byte[] doc = new byte[documentLimbs == null ? 0 : 8 * DOC_LIMBS];
    for (int j = 0; documentLimbs != null && j < DOC_LIMBS; j++) {
      Codec.putLong(doc, 8 * j, documentLimbs[j]);
    }
    b.writeBytes(Codec.lengthPrefixed(doc));
    b.writeBytes(Codec.lengthPrefixed(context));
    return b.toByteArray();
  }

  @Override
  public String toString() {
    return "ClaimAir[depth=" + depth + ", n=" + n + ", schema=" + schema + ", policy=" + policy
        + (documentLimbs != null ? ", document public" : "") + "]";
  }
}
