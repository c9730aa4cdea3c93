package io.pqzk.zk.stark;

import io.pqzk.zk.stark.field.Ext3;
import io.pqzk.zk.stark.field.Goldilocks;
import io.pqzk.zk.stark.field.Ntt;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An algebraic intermediate representation: a trace of {@link #width()} columns and
 * {@link #traceLength()} rows (a power of two), transition constraints that must vanish on every
 * row pair (i, i+1) for i in [0, n-1), and assertions (column, row, value).
 *
 * <p>Row-dependent behaviour (round constants, selectors) comes from periodic columns: public
 * columns known to the verifier, each of a power-of-two length p dividing n and repeated n / p
 * times. A column of period p is the polynomial Q(x^(n/p)) with Q of degree below p, so the
 * verifier evaluates it with p terms; each counts as degree 1 in {@link #maxDegree()} (the
 * largest total degree of a constraint in trace and periodic columns). The composition
 * polynomial then has degree at most (maxDegree - 1) * (n - 1).
 *
 * <p>{@link #identity()} must encode the AIR's name, version and every public input one-to-one:
 * the transcript absorbs it first, so a proof cannot be moved to another statement.
 */
public abstract class Air {
  /** A boundary constraint: trace[column][row] == value. */
  public record Assertion(int column, int row, long value) {}

  private static final Map<Object, long[][]> COSET_CACHE = new ConcurrentHashMap<>();
  private volatile long[][] periodicCoefficients;

  public abstract int width();

  public abstract int traceLength();

  public abstract int numConstraints();

  public abstract int maxDegree();

  /**
   * Declared degree of each transition constraint, in trace and periodic columns (the default
   * declares {@link #maxDegree()} for all). Tests check every constraint against its declaration
   * ("wrong declared degrees" is a classic under-constrained-AIR bug); the composition's degree
   * bound comes from {@link #maxDegree()}, which must be their maximum.
   */
  public int[] degrees() {
    int[] d = new int[numConstraints()];
    java.util.Arrays.fill(d, maxDegree());
    return d;
  }

  /**
   * The number of uniformly random rows every trace column ends with (at least), or 0 for an AIR
   * that claims no zero-knowledge. A proof reveals each column at the out-of-domain points z and
   * g*z, which lie in the cubic extension (3 base-field values each), and at every query point
   * x and, through the composition value, at g*x: {@link StarkProver#revealedPoints} of them.
   * The prover refuses option sets revealing more points than there are random rows: the
   * revealed values would then no longer be uniform whatever the witness.
   */
  public int zeroKnowledgeRows() {
    return 0;
  }

  /** Public columns, each of a power-of-two length dividing {@link #traceLength()}. */
  public abstract long[][] periodicColumns();

  /**
   * A key naming this AIR's periodic columns (equal keys, equal columns), so that their
   * evaluations on the prover's domain are computed once; null (the default) disables the cache.
   */
  protected Object periodicKey() {
    return null;
  }

  /**
   * Writes the {@link #numConstraints()} transition constraint values for one row pair. Must be a
   * polynomial of the declared degree in its inputs (no branching on values).
   */
  public abstract void evaluate(Ext3[] cur, Ext3[] next, Ext3[] periodic, Ext3[] out);

  /**
   * The same constraints on base-field values (the prover's LDE points are all in the base
   * field). The default wraps {@link #evaluate}; AIRs override it for speed, and must agree with
   * {@link #evaluate} on every input (tested).
   */
  public void evaluateBase(long[] cur, long[] next, long[] periodic, long[] out) {
    Ext3[] c = new Ext3[cur.length];
    Ext3[] n = new Ext3[next.length];
    Ext3[] p = new Ext3[periodic.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = Ext3.base(cur[i]);
      n[i] = Ext3.base(next[i]);
    }
    for (int i = 0; i < p.length; i++) {
      p[i] = Ext3.base(periodic[i]);
    }
    Ext3[] o = new Ext3[out.length];
    evaluate(c, n, p, o);
    for (int i = 0; i < o.length; i++) {
      out[i] = o[i].a0;
    }
  }

  public abstract List<Assertion> assertions();

  /** Name, version and public inputs, length-prefixed by the caller. */
  public abstract byte[] identity();

  private static final Map<Object, long[][]> COEFFICIENT_CACHE = new ConcurrentHashMap<>();

  /**
   * Coefficients of Q for each periodic column (interpolated over its period), cached per AIR
   * and, under {@link #periodicKey()}, across AIRs with the same columns.
   */
  public long[][] periodicCoefficients() {
    long[][] c = periodicCoefficients;
    Object key = periodicKey();
    if (c == null && key != null) {
      c = COEFFICIENT_CACHE.get(key);
      periodicCoefficients = c;
    }
    if (c == null) {
      long[][] cols = periodicColumns();
      c = new long[cols.length][];
      for (int k = 0; k < cols.length; k++) {
        int p = cols[k].length;
        if (p < 1 || Integer.bitCount(p) != 1 || traceLength() % p != 0) {
          throw new IllegalStateException("periodic column " + k + " has length " + p
              + ", not a power of two dividing " + traceLength());
        }
        c[k] = cols[k].clone();
        Ntt.inverse(c[k]);
      }
      periodicCoefficients = c;
      if (key != null && COEFFICIENT_CACHE.size() < 64) {
        COEFFICIENT_CACHE.putIfAbsent(key, c);
      }
    }
    return c;
  }

  /** Every periodic column's value at an (extension) point. */
  public Ext3[] periodicAt(Ext3 z) {
    long[][] pc = periodicCoefficients();
    int n = traceLength();
    Ext3[] out = new Ext3[pc.length];
    Map<Integer, Ext3[]> powers = new java.util.HashMap<>();
    for (int k = 0; k < pc.length; k++) {
      int p = pc[k].length;
      Ext3[] pw = powers.computeIfAbsent(p, q -> Ntt.powers(z.pow(n / q), q));
      out[k] = Ntt.evaluate(pc[k], pw);
    }
    return out;
  }

  /**
   * Every periodic column on the coset {@code shift * <omega_size>} (size at least n), in
   * natural order; cached under {@link #periodicKey()}.
   */
  public long[][] periodicOnCoset(int size, long shift) {
    Object key = periodicKey();
    if (key != null) {
      long[][] hit = COSET_CACHE.get(List.of(key, size, shift));
      if (hit != null) {
        return hit;
      }
    }
    long[][] pc = periodicCoefficients();
    int n = traceLength();
    long[][] out = new long[pc.length][];
    java.util.stream.IntStream.range(0, pc.length).parallel().forEach(k -> {
      int p = pc[k].length;
      int stretch = n / p;
      // Q(x^(n/p)) on the coset: x^(n/p) runs over shift^(n/p) * <omega_(size p / n)>
      int distinct = Math.max(1, size / stretch);
      long[] q = Ntt.evaluateOnCoset(pc[k], Math.max(distinct, p),
          Goldilocks.pow(shift, stretch));
      long[] v = new long[size];
      for (int i = 0; i < size; i++) {
        v[i] = q[i % q.length];
      }
      out[k] = v;
    });
    if (key != null && COSET_CACHE.size() < 32) {
      COSET_CACHE.putIfAbsent(List.of(key, size, shift), out);
    }
    return out;
  }

  /** Generator of the trace domain. */
  public long traceGenerator() {
    return Goldilocks.rootOfUnity(Integer.numberOfTrailingZeros(traceLength()));
  }
}
