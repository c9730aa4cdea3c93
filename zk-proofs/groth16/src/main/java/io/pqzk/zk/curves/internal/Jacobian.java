package io.pqzk.zk.curves.internal;

import java.math.BigInteger;
import java.util.List;

/**
 * Short Weierstrass curve y^2 = x^3 + b (a = 0) over a field E, points in Jacobian coordinates
 * (x = X/Z^2, y = Y/Z^3, Z = 0 is the point at infinity). Formulas: "dbl-2009-l" and
 * "add-2007-bl" from the Explicit-Formulas Database (hyperelliptic.org/EFD, g1p/auto-shortw-jacobian-0).
 */
public final class Jacobian<E> {
  final FieldOps<E> f;
  final E b;
  private final Point<E> infinity;

  public Jacobian(FieldOps<E> f, E b) {
    this.f = f;
    this.b = b;
    this.infinity = new Point<>(f.one(), f.one(), f.zero());
  }

  /** A point (X, Y, Z); immutable. */
  public static final class Point<E> {

    final E x;
    final E y;
    final E z;

    Point(E x, E y, E z) {
      this.x = x;
      this.y = y;
      this.z = z;
    }
  }

  public FieldOps<E> field() {
    return f;
  }

  public Point<E> infinity() {
    return infinity;
  }

  public Point<E> fromAffine(E x, E y) {
    return new Point<>(x, y, f.one());
  }

  public boolean isInfinity(Point<E> p) {
    return f.isZero(p.z);
  }

  /** y^2 == x^3 + b for affine (x, y). */
  public boolean isOnCurve(E x, E y) {
    return f.eq(f.sqr(y), f.add(f.mul(f.sqr(x), x), b));
  }

  /** (x, y) -> (k x, y) in Jacobian coordinates (the GLV endomorphism when k^3 = 1). */
  public Point<E> mapX(Point<E> p, E k) {
    return new Point<>(f.mul(p.x, k), p.y, p.z);
  }

  /**
   * The twist endomorphism psi(x, y) = (conj(x) cx, conj(y) cy) on Jacobian coordinates over
   * GF(p^2): conj commutes with the Z powers, so X, Y scale by cx, cy and Z is conjugated.
   */
  public static Point<Fp2> psi(Point<Fp2> p, Fp2 cx, Fp2 cy, Fp2Field f2) {
    return new Point<>(f2.mul(f2.conj(p.x), cx), f2.mul(f2.conj(p.y), cy), f2.conj(p.z));
  }

  public Point<E> neg(Point<E> p) {
    return new Point<>(p.x, f.neg(p.y), p.z);
  }

  public Point<E> dbl(Point<E> p) {
    if (isInfinity(p)) {
      return p;
    }
    E a = f.sqr(p.x);
    E bb = f.sqr(p.y);
    E c = f.sqr(bb);
    E d = f.dbl(f.sub(f.sub(f.sqr(f.add(p.x, bb)), a), c));
    E e = f.add(f.dbl(a), a);
    E ff = f.sqr(e);
    E x3 = f.sub(ff, f.dbl(d));
    E c8 = f.dbl(f.dbl(f.dbl(c)));
    E y3 = f.sub(f.mul(e, f.sub(d, x3)), c8);
    E z3 = f.dbl(f.mul(p.y, p.z));
    return new Point<>(x3, y3, z3);
  }

  public Point<E> add(Point<E> p, Point<E> q) {
    if (isInfinity(p)) {
      return q;
    }
    if (isInfinity(q)) {
      return p;
    }
    E z1z1 = f.sqr(p.z);
    E z2z2 = f.sqr(q.z);
    E u1 = f.mul(p.x, z2z2);
    E u2 = f.mul(q.x, z1z1);
    E s1 = f.mul(f.mul(p.y, q.z), z2z2);
    E s2 = f.mul(f.mul(q.y, p.z), z1z1);
    E h = f.sub(u2, u1);
    E rr = f.dbl(f.sub(s2, s1));
    if (f.isZero(h)) {
      return f.isZero(rr) ? dbl(p) : infinity;
    }
    E i = f.sqr(f.dbl(h));
    E j = f.mul(h, i);
    E v = f.mul(u1, i);
    E x3 = f.sub(f.sub(f.sqr(rr), j), f.dbl(v));
    E y3 = f.sub(f.mul(rr, f.sub(v, x3)), f.dbl(f.mul(s1, j)));
    E z3 = f.mul(f.sub(f.sub(f.sqr(f.add(p.z, q.z)), z1z1), z2z2), h);
    return new Point<>(x3, y3, z3);
  }

  /** [k]P for any non-negative k (left-to-right, 4-bit fixed window). */
  public Point<E> mul(Point<E> p, BigInteger k) {
    if (k.signum() < 0) {
      return mul(neg(p), k.negate());
    }
    @SuppressWarnings("unchecked")
    Point<E>[] table = new Point[16];
    table[0] = infinity;
    for (int i = 1; i < 16; i++) {
      table[i] = add(table[i - 1], p);
    }
    Point<E> acc = infinity;
    int top = (k.bitLength() + 3) / 4;
    for (int w = top - 1; w >= 0; w--) {
      acc = dbl(dbl(dbl(dbl(acc))));
      int nib = 0;
      for (int bit = 3; bit >= 0; bit--) {
        nib = (nib << 1) | (k.testBit(4 * w + bit) ? 1 : 0);
      }
      if (nib != 0) {
        acc = add(acc, table[nib]);
      }
    }
    return acc;
  }

  /** Sum of [k_i] P_i with shared doublings (Straus, 4-bit windows). */
  public Point<E> msm(Point<E>[] ps, BigInteger[] ks) {
    return msm(windowTables(ps), ks);
  }

  /**
   * For each point P, the 16 multiples 0..15 P that {@link #msm(Point[][], BigInteger[])} adds
   * from. Fixed bases (a verification key's) build them once: for a 26-input claim that saves
   * about 400 additions per verification.
   */
  public Point<E>[][] windowTables(Point<E>[] ps) {
    @SuppressWarnings("unchecked")
    Point<E>[][] tables = new Point[ps.length][];
    for (int j = 0; j < ps.length; j++) {
      @SuppressWarnings("unchecked")
      Point<E>[] t = new Point[16];
      t[0] = infinity;
      for (int i = 1; i < 16; i++) {
        t[i] = add(t[i - 1], ps[j]);
      }
      tables[j] = t;
    }
    return tables;
  }

  /** sum k_j P_j, 4-bit windows shared by all scalars, from tables of {@link #windowTables}. */
  public Point<E> msm(Point<E>[][] tables, BigInteger[] ks) {
    if (tables.length != ks.length) {
      throw new IllegalArgumentException("tables and scalars differ in number");
    }
    int maxBits = 0;
    for (BigInteger k : ks) {
      if (k.signum() < 0) {
        throw new IllegalArgumentException("negative scalar");
      }
      maxBits = Math.max(maxBits, k.bitLength());
    }
    Point<E> acc = infinity;
    for (int w = (maxBits + 3) / 4 - 1; w >= 0; w--) {
      acc = dbl(dbl(dbl(dbl(acc))));
      for (int j = 0; j < tables.length; j++) {
        if (ks[j].bitLength() <= 4 * w) {
          continue; // no bit of this scalar in this window or above
        }
        int nib = 0;
        for (int bit = 3; bit >= 0; bit--) {
          nib = (nib << 1) | (ks[j].testBit(4 * w + bit) ? 1 : 0);
        }
        if (nib != 0) {
          acc = add(acc, tables[j][nib]);
        }
      }
    }
    return acc;
  }

  /** Affine [x, y], or null for the point at infinity. */
  public List<E> toAffine(Point<E> p) {
    if (isInfinity(p)) {
      return null;
    }
    E zi = f.inv(p.z);
    E zi2 = f.sqr(zi);
    return List.of(f.mul(p.x, zi2), f.mul(p.y, f.mul(zi2, zi)));
  }

  public boolean eq(Point<E> p, Point<E> q) {
    if (isInfinity(p) || isInfinity(q)) {
      return isInfinity(p) && isInfinity(q);
    }
    E z1z1 = f.sqr(p.z);
    E z2z2 = f.sqr(q.z);
    return f.eq(f.mul(p.x, z2z2), f.mul(q.x, z1z1))
        && f.eq(f.mul(f.mul(p.y, q.z), z2z2), f.mul(f.mul(q.y, p.z), z1z1));
  }
}
