package io.pqzk.bench.zk.baseline;

import io.pqzk.bench.zk.baseline.field.Ext3;
import io.pqzk.bench.zk.baseline.field.Goldilocks;
import io.pqzk.bench.zk.baseline.field.Ntt;
import java.util.List;

/**
 * An algebraic intermediate representation: a trace of {@link #width()} columns and
 * {@link #traceLength()} rows (a power of two), transition constraints that must vanish on every
 * row pair (i, i+1) for i in [0, n-1), and assertions (column, row, value).
 *
 * <p>Row-dependent behaviour (round constants, selectors) comes from periodic columns: public
 * columns of length n known to the verifier, interpolated like trace columns, so each counts as
 * degree 1 in {@link #maxDegree()} (the largest total degree of a constraint in trace and periodic
 * columns). The composition polynomial then has degree at most (maxDegree - 1) * (n - 1).
 *
 * <p>{@link #identity()} must encode the AIR's name, version and every public input: the
 * transcript absorbs it first, so a proof cannot be moved to another statement.
 */
public abstract class Air {
  /** A boundary constraint: trace[column][row] == value. */
  public record Assertion(int column, int row, long value) {}

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

  /** Public columns, each of length {@link #traceLength()}. */
  public abstract long[][] periodicColumns();

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

  /** Coefficients of the periodic columns (interpolated over the trace domain), cached. */
  public long[][] periodicCoefficients() {
    long[][] c = periodicCoefficients;
    if (c == null) {
      long[][] cols = periodicColumns();
      c = new long[cols.length][];
      for (int k = 0; k < cols.length; k++) {
        c[k] = cols[k].clone();
        Ntt.inverse(c[k]);
      }
      periodicCoefficients = c;
    }
    return c;
  }

  /** Generator of the trace domain. */
  public long traceGenerator() {
    return Goldilocks.rootOfUnity(Integer.numberOfTrailingZeros(traceLength()));
  }
}
