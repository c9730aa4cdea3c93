package io.pqzk.zk.curves.internal;

import io.pqzk.zk.curves.internal.Fp12.Fp6;
import java.math.BigInteger;

/**
 * Arithmetic in GF(p^6) = GF(p^2)[v]/(v^3 - xi) and GF(p^12) = GF(p^6)[w]/(w^2 - v), so w^6 = xi
 * (xi = 9 + u for BN254, 1 + u for BLS12-381). Multiplication is Karatsuba at each level.
 * Frobenius maps use the constants gamma[k][i] = xi^(i (p^k - 1) / 6), computed once here: an
 * element is sum g_i w^i, and its p^k-th power is sum conj^k(g_i) gamma[k][i] w^i.
 */
public final class Tower {
  final Fp fp;
  final Fp2Field f2;
  final Fp2 xi;
  private final int xi0; // xi = xi0 + u
  private final Fp2[][] gamma = new Fp2[4][6];
  private final Fp6 zero6;
  private final Fp6 one6;
  private final Fp12 one12;

  /** The tower over f2 with xi = xi0 + u (9 + u for BN254, 1 + u for BLS12-381). */
  public Tower(Fp2Field f2, int xi0) {
    this.f2 = f2;
    this.fp = f2.fp;
    this.xi0 = xi0;
    this.xi = f2.of(fp.of(xi0), fp.one());
    BigInteger p = fp.modulus();
    for (int k = 1; k <= 3; k++) {
      BigInteger e = p.pow(k).subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
      Fp2 g = f2.pow(xi, e);
      Fp2 acc = f2.one();
      for (int i = 0; i < 6; i++) {
        gamma[k][i] = acc;
        acc = f2.mul(acc, g);
      }
    }
    zero6 = new Fp6(f2.zero(), f2.zero(), f2.zero());
    one6 = new Fp6(f2.one(), f2.zero(), f2.zero());
    one12 = new Fp12(one6, zero6);
  }

  public Fp2Field fp2() {
    return f2;
  }

  /** gamma[k][i] = xi^(i (p^k - 1)/6), used by the twist endomorphisms. */
  public Fp2 gamma(int k, int i) {
    return gamma[k][i];
  }

  public Fp2 xi() {
    return xi;
  }

  /** a * (xi0 + u) = (xi0 a0 - a1) + (a0 + xi0 a1) u, without a full multiplication. */
  Fp2 mulXi(Fp2 a) {
    if (xi0 == 1) {
      return new Fp2(fp.sub(a.c0, a.c1), fp.add(a.c0, a.c1));
    }
    return new Fp2(fp.sub(fp.mulSmall(a.c0, xi0), a.c1), fp.add(a.c0, fp.mulSmall(a.c1, xi0)));
  }

  /** a * (b0 + b1 v): 5 GF(p^2) multiplications. */
  private Fp6 mulBy01(Fp6 a, Fp2 b0, Fp2 b1) {
    Fp2 v0 = f2.mul(a.c0, b0);
    Fp2 v1 = f2.mul(a.c1, b1);
    Fp2 c0 = f2.add(v0, mulXi(f2.mul(a.c2, b1)));
    Fp2 c1 = f2.sub(f2.sub(f2.mul(f2.add(a.c0, a.c1), f2.add(b0, b1)), v0), v1);
    Fp2 c2 = f2.add(v1, f2.mul(a.c2, b0));
    return new Fp6(c0, c1, c2);
  }

  private Fp6 mulBy0(Fp6 a, Fp2 b0) {
    return new Fp6(f2.mul(a.c0, b0), f2.mul(a.c1, b0), f2.mul(a.c2, b0));
  }

  private Fp6 mulBy1(Fp6 a, Fp2 b1) {
    return new Fp6(mulXi(f2.mul(a.c2, b1)), f2.mul(a.c0, b1), f2.mul(a.c1, b1));
  }

  /**
   * f * (g0 + g1 w + g3 w^3), the shape of a line for a D-type twist (BN254): 13 GF(p^2)
   * multiplications instead of 18.
   */
  public Fp12 mulByLine013(Fp12 f, Fp2 g0, Fp2 g1, Fp2 g3) {
    Fp6 a = mulBy0(f.c0, g0); // l0 = (g0, 0, 0)
    Fp6 b = mulBy01(f.c1, g1, g3); // l1 = (g1, g3, 0)
    Fp6 c = mulBy01(add6(f.c0, f.c1), f2.add(g0, g1), g3);
    return new Fp12(add6(a, mulByV(b)), sub6(sub6(c, a), b));
  }

  /** f * (g0 + g2 w^2 + g3 w^3), the shape of a line for an M-type twist (BLS12-381). */
  public Fp12 mulByLine023(Fp12 f, Fp2 g0, Fp2 g2, Fp2 g3) {
    Fp6 a = mulBy01(f.c0, g0, g2); // l0 = (g0, g2, 0)
    Fp6 b = mulBy1(f.c1, g3); // l1 = (0, g3, 0)
    Fp6 c = mulBy01(add6(f.c0, f.c1), g0, f2.add(g2, g3));
    return new Fp12(add6(a, mulByV(b)), sub6(sub6(c, a), b));
  }

  // ---- GF(p^6)

  Fp6 add6(Fp6 a, Fp6 b) {
    return new Fp6(f2.add(a.c0, b.c0), f2.add(a.c1, b.c1), f2.add(a.c2, b.c2));
  }

  Fp6 sub6(Fp6 a, Fp6 b) {
    return new Fp6(f2.sub(a.c0, b.c0), f2.sub(a.c1, b.c1), f2.sub(a.c2, b.c2));
  }

  Fp6 neg6(Fp6 a) {
    return new Fp6(f2.neg(a.c0), f2.neg(a.c1), f2.neg(a.c2));
  }

  Fp6 mul6(Fp6 a, Fp6 b) {
    Fp2 v0 = f2.mul(a.c0, b.c0);
    Fp2 v1 = f2.mul(a.c1, b.c1);
    Fp2 v2 = f2.mul(a.c2, b.c2);
    Fp2 t0 = f2.sub(f2.sub(f2.mul(f2.add(a.c1, a.c2), f2.add(b.c1, b.c2)), v1), v2);
    Fp2 c0 = f2.add(v0, mulXi(t0));
    Fp2 t1 = f2.sub(f2.sub(f2.mul(f2.add(a.c0, a.c1), f2.add(b.c0, b.c1)), v0), v1);
    Fp2 c1 = f2.add(t1, mulXi(v2));
    Fp2 t2 = f2.sub(f2.sub(f2.mul(f2.add(a.c0, a.c2), f2.add(b.c0, b.c2)), v0), v2);
    Fp2 c2 = f2.add(t2, v1);
    return new Fp6(c0, c1, c2);
  }

  /** a * v: (c0, c1, c2) -> (xi c2, c0, c1). */
  Fp6 mulByV(Fp6 a) {
    return new Fp6(mulXi(a.c2), a.c0, a.c1);
  }

  Fp6 inv6(Fp6 a) {
    Fp2 t0 = f2.sub(f2.sqr(a.c0), mulXi(f2.mul(a.c1, a.c2)));
    Fp2 t1 = f2.sub(mulXi(f2.sqr(a.c2)), f2.mul(a.c0, a.c1));
    Fp2 t2 = f2.sub(f2.sqr(a.c1), f2.mul(a.c0, a.c2));
    Fp2 norm =
        f2.add(f2.mul(a.c0, t0), mulXi(f2.add(f2.mul(a.c2, t1), f2.mul(a.c1, t2))));
    Fp2 ni = f2.inv(norm);
    return new Fp6(f2.mul(t0, ni), f2.mul(t1, ni), f2.mul(t2, ni));
  }

  boolean isZero6(Fp6 a) {
    return f2.isZero(a.c0) && f2.isZero(a.c1) && f2.isZero(a.c2);
  }

  boolean eq6(Fp6 a, Fp6 b) {
    return f2.eq(a.c0, b.c0) && f2.eq(a.c1, b.c1) && f2.eq(a.c2, b.c2);
  }

  // ---- GF(p^12)

  public Fp12 one() {
    return one12;
  }

  public boolean isOne(Fp12 a) {
    return eq6(a.c0, one6) && isZero6(a.c1);
  }

  public Fp12 mul(Fp12 a, Fp12 b) {
    Fp6 v0 = mul6(a.c0, b.c0);
    Fp6 v1 = mul6(a.c1, b.c1);
    Fp6 c1 = sub6(sub6(mul6(add6(a.c0, a.c1), add6(b.c0, b.c1)), v0), v1);
    return new Fp12(add6(v0, mulByV(v1)), c1);
  }

  public Fp12 sqr(Fp12 a) {
    // complex squaring: (a0 + a1 w)^2 = (a0 + a1)(a0 + v a1) - a0 a1 - v a0 a1 + 2 a0 a1 w
    Fp6 m = mul6(a.c0, a.c1);
    Fp6 t = mul6(add6(a.c0, a.c1), add6(a.c0, mulByV(a.c1)));
    Fp6 c0 = sub6(sub6(t, m), mulByV(m));
    return new Fp12(c0, add6(m, m));
  }

  /**
   * Squaring in the cyclotomic subgroup (the elements of order dividing p^4 - p^2 + 1, where f
   * lands after the easy part (p^6 - 1)(p^2 + 1) of the final exponentiation): Granger and Scott, "Faster squaring in the cyclotomic subgroup of
   * sixth degree extensions" (PKC 2010), section 3.2. GF(p^12) is seen as GF(p^4)[w]/(w^3 - y) with
   * GF(p^4) = GF(p^2)[y]/(y^2 - xi), y = w^3; nine GF(p^2) squarings instead of two GF(p^6)
   * multiplications. Only valid on that subgroup; a test compares it with {@link #sqr}.
   */
  public Fp12 cyclotomicSqr(Fp12 a) {
    Fp2 g0 = a.c0.c0;
    Fp2 g1 = a.c1.c0;
    Fp2 g2 = a.c0.c1;
    Fp2 g3 = a.c1.c1;
    Fp2 g4 = a.c0.c2;
    Fp2 g5 = a.c1.c2;
    // (g0 + g3 y)^2, (g1 + g4 y)^2, (g2 + g5 y)^2 in GF(p^4)
    Fp2[] s0 = sqr4(g0, g3);
    Fp2[] s1 = sqr4(g1, g4);
    Fp2[] s2 = sqr4(g2, g5);
    Fp2 h0 = f2.add(f2.dbl(f2.sub(s0[0], g0)), s0[0]); // 3 t0 - 2 g0
    Fp2 h3 = f2.add(f2.dbl(f2.add(s0[1], g3)), s0[1]); // 3 t1 + 2 g3
    Fp2 xs = mulXi(s2[1]);
    Fp2 h1 = f2.add(f2.dbl(f2.add(xs, g1)), xs); // 3 xi t5 + 2 g1
    Fp2 h4 = f2.add(f2.dbl(f2.sub(s2[0], g4)), s2[0]); // 3 t4 - 2 g4
    Fp2 h2 = f2.add(f2.dbl(f2.sub(s1[0], g2)), s1[0]); // 3 t2 - 2 g2
    Fp2 h5 = f2.add(f2.dbl(f2.add(s1[1], g5)), s1[1]); // 3 t3 + 2 g5
    return fromW(h0, h1, h2, h3, h4, h5);
  }

  /** (a + b y)^2 = (a^2 + xi b^2) + 2ab y. */
  private Fp2[] sqr4(Fp2 a, Fp2 b) {
    Fp2 a2 = f2.sqr(a);
    Fp2 b2 = f2.sqr(b);
    Fp2 ab2 = f2.sub(f2.sub(f2.sqr(f2.add(a, b)), a2), b2);
    return new Fp2[] {f2.add(a2, mulXi(b2)), ab2};
  }

  /** Conjugation a0 - a1 w, which is the p^6-th power (the inverse in the cyclotomic subgroup). */
  public Fp12 conj(Fp12 a) {
    return new Fp12(a.c0, neg6(a.c1));
  }

  public Fp12 inv(Fp12 a) {
    Fp6 norm = sub6(mul6(a.c0, a.c0), mulByV(mul6(a.c1, a.c1)));
    Fp6 ni = inv6(norm);
    return new Fp12(mul6(a.c0, ni), neg6(mul6(a.c1, ni)));
  }

  /** The p^k-th power, k in 1..3. */
  public Fp12 frobenius(Fp12 a, int k) {
    Fp2[] g = {a.c0.c0, a.c1.c0, a.c0.c1, a.c1.c1, a.c0.c2, a.c1.c2};
    for (int i = 0; i < 6; i++) {
      Fp2 x = (k & 1) == 1 ? f2.conj(g[i]) : g[i];
      g[i] = i == 0 ? x : f2.mul(x, gamma[k][i]);
    }
    return new Fp12(new Fp6(g[0], g[2], g[4]), new Fp6(g[1], g[3], g[5]));
  }

  /** Builds sum g_i w^i from its six coefficients (null means zero). */
  public Fp12 fromW(Fp2 g0, Fp2 g1, Fp2 g2, Fp2 g3, Fp2 g4, Fp2 g5) {
    return new Fp12(new Fp6(z(g0), z(g2), z(g4)), new Fp6(z(g1), z(g3), z(g5)));
  }

  private Fp2 z(Fp2 a) {
    return a == null ? f2.zero() : a;
  }

  public boolean isZero(Fp12 a) {
    return isZero6(a.c0) && isZero6(a.c1);
  }

  public boolean eq(Fp12 a, Fp12 b) {
    return eq6(a.c0, b.c0) && eq6(a.c1, b.c1);
  }
}
