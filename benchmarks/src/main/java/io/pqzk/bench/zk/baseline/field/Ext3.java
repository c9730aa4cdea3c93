package io.pqzk.bench.zk.baseline.field;

/**
 * An element a0 + a1*x + a2*x^2 of the cubic extension GF(p)[x]/(x^3 - x - 1) of Goldilocks (the
 * same irreducible polynomial as Winterfell's cubic extension), about 192 bits: every verifier
 * challenge is drawn here so soundness is not capped by the 64-bit base field.
 */
public final class Ext3 {
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
  }

  public static final Ext3 ZERO = new Ext3(0, 0, 0);
  public static final Ext3 ONE = new Ext3(1, 0, 0);

  public final long a0;
  public final long a1;
  public final long a2;

  private Ext3(long a0, long a1, long a2) {
    this.a0 = a0;
    this.a1 = a1;
    this.a2 = a2;
  }

  /** From canonical coefficients (callers check canonicity at parse time). */
  public static Ext3 of(long a0, long a1, long a2) {
    return new Ext3(a0, a1, a2);
  }

  public static Ext3 base(long a) {
    return new Ext3(a, 0, 0);
  }

  public boolean isBase() {
    return a1 == 0 && a2 == 0;
  }

  public boolean isZero() {
    return a0 == 0 && a1 == 0 && a2 == 0;
  }

  public Ext3 add(Ext3 o) {
    return new Ext3(Goldilocks.add(a0, o.a0), Goldilocks.add(a1, o.a1), Goldilocks.add(a2, o.a2));
  }

  public Ext3 sub(Ext3 o) {
    return new Ext3(Goldilocks.sub(a0, o.a0), Goldilocks.sub(a1, o.a1), Goldilocks.sub(a2, o.a2));
  }

  public Ext3 neg() {
    return ZERO.sub(this);
  }

  public Ext3 addBase(long b) {
    return new Ext3(Goldilocks.add(a0, b), a1, a2);
  }

  public Ext3 mulBase(long b) {
    return new Ext3(G.mul(a0, b), G.mul(a1, b), G.mul(a2, b));
  }

  public Ext3 mul(Ext3 o) {
    long c0 = G.mul(a0, o.a0);
    long c1 = G.add(G.mul(a0, o.a1), G.mul(a1, o.a0));
    long c2 = G.add(G.add(G.mul(a0, o.a2), G.mul(a1, o.a1)), G.mul(a2, o.a0));
    long c3 = G.add(G.mul(a1, o.a2), G.mul(a2, o.a1));
    long c4 = G.mul(a2, o.a2);
    // x^3 = x + 1, x^4 = x^2 + x
    return new Ext3(G.add(c0, c3), G.add(G.add(c1, c3), c4), G.add(c2, c4));
  }

  public Ext3 square() {
    return mul(this);
  }

  public Ext3 pow(long e) {
    Ext3 r = ONE;
    Ext3 b = this;
    while (e != 0) {
      if ((e & 1) != 0) {
        r = r.mul(b);
      }
      b = b.square();
      e >>>= 1;
    }
    return r;
  }

  /** Inverse by solving the 3x3 multiplication-matrix system (Cramer's rule). */
  public Ext3 inv() {
    if (isZero()) {
      throw new ArithmeticException("inverse of zero");
    }
    // Columns of M are this, this*x, this*x^2.
    Ext3 c0 = this;
    Ext3 c1 = new Ext3(a2, G.add(a0, a2), a1); // (a0 + a1 x + a2 x^2) * x
    Ext3 c2 = c1.mulX();
    long m00 = c0.a0, m01 = c1.a0, m02 = c2.a0;
    long m10 = c0.a1, m11 = c1.a1, m12 = c2.a1;
    long m20 = c0.a2, m21 = c1.a2, m22 = c2.a2;
    // cofactors of the first row; the solution of M b = e0 is the first column of adj(M) / det
    long cof00 = G.sub(G.mul(m11, m22), G.mul(m12, m21));
    long cof01 = G.sub(G.mul(m12, m20), G.mul(m10, m22));
    long cof02 = G.sub(G.mul(m10, m21), G.mul(m11, m20));
    long det = G.add(G.add(G.mul(m00, cof00), G.mul(m01, cof01)), G.mul(m02, cof02));
    long di = Goldilocks.inv(det);
    return new Ext3(G.mul(cof00, di), G.mul(cof01, di), G.mul(cof02, di));
  }

  private Ext3 mulX() {
    return new Ext3(a2, G.add(a0, a2), a1);
  }

  public Ext3 div(Ext3 o) {
    return mul(o.inv());
  }

  /** Batch inversion (Montgomery's trick); every input must be non-zero. */
  public static Ext3[] batchInv(Ext3[] v) {
    Ext3[] out = new Ext3[v.length];
    Ext3 acc = ONE;
    for (int i = 0; i < v.length; i++) {
      out[i] = acc;
      acc = acc.mul(v[i]);
    }
    Ext3 inv = acc.inv();
    for (int i = v.length - 1; i >= 0; i--) {
      Ext3 t = out[i].mul(inv);
      inv = inv.mul(v[i]);
      out[i] = t;
    }
    return out;
  }

  /** The extension generator X (a0 = 0, a1 = 1, a2 = 0). */
  public static final Ext3 X = new Ext3(0, 1, 0);

  @Override
  public boolean equals(Object o) {
    return o instanceof Ext3 e && e.a0 == a0 && e.a1 == a1 && e.a2 == a2;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(a0 * 31 + a1 * 17 + a2);
  }

  @Override
  public String toString() {
    return "(" + Long.toUnsignedString(a0) + ", " + Long.toUnsignedString(a1) + ", "
        + Long.toUnsignedString(a2) + ")";
  }
}
