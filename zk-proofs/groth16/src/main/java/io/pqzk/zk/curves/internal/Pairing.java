package io.pqzk.zk.curves.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Optimal ate pairing product for BN and BLS12 curves with a sextic twist: ONE Miller loop shared by
 * all pairs (one squaring of f per step, whatever the number of pairs) and ONE final
 * exponentiation. References: Vercauteren, "Optimal pairings" (IEEE TIT 2010) for the loop
 * parameters (6x+2 plus two Frobenius lines for BN, x for BLS12); Beuchat et al., "High-speed
 * software implementation of the optimal ate pairing over Barreto-Naehrig curves" (Pairing 2010)
 * for the structure. Lines are computed in Jacobian coordinates with their denominators multiplied
 * out (factors in GF(p^6), or w^3 for the M-twist, which the final exponentiation removes).
 *
 * <p>The final exponentiation is f^((p^6-1)(p^2+1)) followed by the hard part
 * (p^4 - p^2 + 1)/r written in base p and evaluated with Frobenius maps and a 4-way simultaneous
 * exponentiation, so the code needs no curve-specific addition chain.
 */
public final class Pairing {
  private final Tower t;
  private final Fp fp;
  private final Fp2Field f2;
  private final boolean mTwist;
  private final boolean bn;
  private final int[] naf; // signed digits of |loop|, least significant first
  private final boolean loopNegative;
  private final long absX; // |x|, the curve parameter
  private final boolean xNegative;
  private final Jacobian<Fp2> g2;

  /**
   * @param x the curve's parameter (BN: p = 36x^4 + 36x^3 + 24x^2 + 6x + 1; BLS12: r = x^4 - x^2 + 1)
   * @param loop the Miller loop parameter (6x + 2 for BN, x for BLS12)
   */
  public Pairing(
      Tower t,
      Jacobian<Fp2> g2,
      boolean mTwist,
      boolean bn,
      BigInteger x,
      BigInteger loop,
      BigInteger r) {
    this.t = t;
    this.fp = t.fp;
    this.f2 = t.f2;
    this.g2 = g2;
    this.mTwist = mTwist;
    this.bn = bn;
    this.loopNegative = loop.signum() < 0;
    this.naf = naf(loop.abs());
    if (x.abs().bitLength() > 64) {
      throw new IllegalArgumentException("|x| must fit 64 bits");
    }
    this.absX = x.abs().longValue(); // read as unsigned below

    this.xNegative = x.signum() < 0;
    checkHardPartDecomposition(fp.modulus(), r, x);
  }

  /**
   * The hard part of the final exponentiation is evaluated through x-power chains; this checks at
   * start-up, in exact integer arithmetic, that the chain's exponent is the hard part (BN) or 3
   * times it (BLS12; 3 is coprime to r, so "== 1" is unchanged).
   */
  private void checkHardPartDecomposition(BigInteger p, BigInteger r, BigInteger x) {
    BigInteger hard = p.pow(4).subtract(p.pow(2)).add(BigInteger.ONE);
    if (hard.mod(r).signum() != 0) {
      throw new IllegalArgumentException("r does not divide p^4 - p^2 + 1");
    }
    hard = hard.divide(r);
    BigInteger chain;
    if (bn) {
      BigInteger[] l = bnLambdas(x);
      chain = l[0].add(l[1].multiply(p)).add(l[2].multiply(p.pow(2))).add(l[3].multiply(p.pow(3)));
    } else {
      BigInteger xm1 = x.subtract(BigInteger.ONE);
      chain =
          xm1.pow(2)
              .multiply(x.add(p))
              .multiply(x.pow(2).add(p.pow(2)).subtract(BigInteger.ONE))
              .add(BigInteger.valueOf(3));
      hard = hard.multiply(BigInteger.valueOf(3));
    }
    if (!chain.equals(hard)) {
      throw new IllegalStateException("final exponentiation chain does not match the hard part");
    }
  }

  /**
   * BN hard part (p^4 - p^2 + 1)/r = l0 + l1 p + l2 p^2 + l3 p^3 with l3 = 1, l2 = 6x^2 + 1,
   * l1 = -36x^3 - 18x^2 - 12x + 1, l0 = -36x^3 - 30x^2 - 18x - 2 (Scott et al., "On the final
   * exponentiation for calculating pairings on ordinary elliptic curves", Pairing 2009, section 5).
   */
  static BigInteger[] bnLambdas(BigInteger x) {
    BigInteger x2 = x.pow(2);
    BigInteger x3 = x.pow(3);
    BigInteger l3 = BigInteger.ONE;
    BigInteger l2 = x2.multiply(BigInteger.valueOf(6)).add(BigInteger.ONE);
    BigInteger l1 =
        x3.multiply(BigInteger.valueOf(-36))
            .subtract(x2.multiply(BigInteger.valueOf(18)))
            .subtract(x.multiply(BigInteger.valueOf(12)))
            .add(BigInteger.ONE);
    BigInteger l0 =
        x3.multiply(BigInteger.valueOf(-36))
            .subtract(x2.multiply(BigInteger.valueOf(30)))
            .subtract(x.multiply(BigInteger.valueOf(18)))
            .subtract(BigInteger.TWO);
    return new BigInteger[] {l0, l1, l2, l3};
  }

  static int[] naf(BigInteger k) {
    int[] out = new int[k.bitLength() + 1];
    int i = 0;
    while (k.signum() > 0) {
      if (k.testBit(0)) {
        int d = 2 - k.mod(BigInteger.valueOf(4)).intValue(); // 1 or -1
        out[i] = d;
        k = k.subtract(BigInteger.valueOf(d));
      }
      k = k.shiftRight(1);
      i++;
    }
    return java.util.Arrays.copyOf(out, i);
  }

  /**
   * The line coefficients of the Miller loop for a fixed G2 point (affine, on the twist, in the
   * subgroup), in loop order: each entry is {constant, coefficient of xp, coefficient of yp}, or
   * null for a vertical line (dropped: it lies in a proper subfield, which the final
   * exponentiation sends to 1). They depend only on Q, so a verification key's G2 points are
   * prepared once and every proof reuses them.
   */
  public Fp2[][] prepare(Fp2 xq, Fp2 yq) {
    List<Fp2[]> lines = new ArrayList<>(naf.length * 2 + 2);
    Fp2[] tt = {xq, yq, f2.one()};
    Fp2 nyq = f2.neg(yq);
    for (int i = naf.length - 2; i >= 0; i--) {
      lines.add(doubleStep(tt));
      if (naf[i] != 0) {
        lines.add(addStep(tt, xq, naf[i] > 0 ? yq : nyq));
      }
    }
    if (bn) {
      Fp2 q1x = f2.mul(f2.conj(xq), t.gamma(1, 2));
      Fp2 q1y = f2.mul(f2.conj(yq), t.gamma(1, 3));
      lines.add(addStep(tt, q1x, q1y));
      Fp2 q2x = f2.mul(xq, t.gamma(2, 2));
      Fp2 q2y = f2.neg(f2.mul(yq, t.gamma(2, 3)));
      lines.add(addStep(tt, q2x, q2y));
    }
    return lines.toArray(new Fp2[0][]);
  }

  /**
   * Whether prod e(P_i, Q_i) == 1, with one Miller loop shared by all pairs and one final
   * exponentiation. P_i are affine G1 points ({x, y}, null for infinity); Q_i are prepared G2
   * points ({@link #prepare}, null for infinity). Points must already be checked (curve, subgroup).
   */
  public boolean productIsOne(List<long[][]> ps, List<Fp2[][]> qs) {
    List<long[][]> p = new ArrayList<>();
    List<Fp2[][]> q = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) {
      if (ps.get(i) != null && qs.get(i) != null) {
        p.add(ps.get(i));
        q.add(qs.get(i));
      }
    }
    if (p.isEmpty()) {
      return true;
    }
    int m = p.size();
    Fp12 f = t.one();
    int k = 0;
    for (int i = naf.length - 2; i >= 0; i--) {
      f = t.sqr(f);
      for (int j = 0; j < m; j++) {
        f = mulLine(f, q.get(j)[k], p.get(j));
      }
      k++;
      if (naf[i] != 0) {
        for (int j = 0; j < m; j++) {
          f = mulLine(f, q.get(j)[k], p.get(j));
        }
        k++;
      }
    }
    if (loopNegative) {
      f = t.conj(f);
    }
    if (bn) {
      for (int s = 0; s < 2; s++, k++) {
        for (int j = 0; j < m; j++) {
          f = mulLine(f, q.get(j)[k], p.get(j));
        }
      }
    }
    return finalExponentiationIsOne(f);
  }

  /** f times the line {a, bx, cy} evaluated at P = (xp, yp), at the twist's positions. */
  private Fp12 mulLine(Fp12 f, Fp2[] line, long[][] pxy) {
    if (line == null) {
      return f;
    }
    Fp2 a = line[0];
    Fp2 bx = f2.mulBase(line[1], pxy[0]);
    Fp2 cy = f2.mulBase(line[2], pxy[1]);
    return mTwist ? t.mulByLine023(f, a, bx, cy) : t.mulByLine013(f, cy, bx, a);
  }

  /** Doubles T = tt (Jacobian) in place; returns the tangent line times 2YZ^3. */
  private Fp2[] doubleStep(Fp2[] tt) {
    Fp2 x = tt[0];
    Fp2 y = tt[1];
    Fp2 z = tt[2];
    Fp2 a = f2.sqr(x);
    Fp2 b = f2.sqr(y);
    Fp2 c = f2.sqr(b);
    Fp2 zsq = f2.sqr(z);
    Fp2 a3 = f2.add(f2.dbl(a), a);
    // constant 3X^3 - 2Y^2, xp coefficient -3X^2 Z^2, yp coefficient 2YZ^3
    Fp2 z3 = f2.dbl(f2.mul(y, z));
    Fp2 lc = f2.sub(f2.mul(a3, x), f2.dbl(b));
    Fp2 lx = f2.neg(f2.mul(a3, zsq));
    Fp2 ly = f2.mul(z3, zsq);
    Fp2 d = f2.dbl(f2.sub(f2.sub(f2.sqr(f2.add(x, b)), a), c));
    Fp2 x3 = f2.sub(f2.sqr(a3), f2.dbl(d));
    Fp2 c8 = f2.dbl(f2.dbl(f2.dbl(c)));
    tt[0] = x3;
    tt[1] = f2.sub(f2.mul(a3, f2.sub(d, x3)), c8);
    tt[2] = z3;
    return new Fp2[] {lc, lx, ly};
  }

  /** Sets T = T + Q (Q affine) in place; returns the chord line times Z(xq Z^2 - X). */
  private Fp2[] addStep(Fp2[] tt, Fp2 xq, Fp2 yq) {
    Fp2 x = tt[0];
    Fp2 y = tt[1];
    Fp2 z = tt[2];
    Fp2 zsq = f2.sqr(z);
    Fp2 u2 = f2.mul(xq, zsq);
    Fp2 s2 = f2.mul(f2.mul(yq, z), zsq);
    Fp2 h = f2.sub(u2, x);
    Fp2 nn = f2.sub(s2, y);
    if (f2.isZero(h)) {
      if (f2.isZero(nn)) {
        return doubleStep(tt);
      }
      // T = -Q: the line is vertical and T becomes the point at infinity.
      tt[0] = f2.one();
      tt[1] = f2.one();
      tt[2] = f2.zero();
      return null;
    }
    Fp2 zh = f2.mul(z, h);
    Fp2 lc = f2.sub(f2.mul(nn, xq), f2.mul(zh, yq));
    Fp2 lx = f2.neg(nn);
    Fp2 hh = f2.sqr(h);
    Fp2 i4 = f2.dbl(f2.dbl(hh));
    Fp2 jj = f2.mul(h, i4);
    Fp2 rr = f2.dbl(nn);
    Fp2 v = f2.mul(x, i4);
    Fp2 x3 = f2.sub(f2.sub(f2.sqr(rr), jj), f2.dbl(v));
    tt[0] = x3;
    tt[1] = f2.sub(f2.mul(rr, f2.sub(v, x3)), f2.dbl(f2.mul(y, jj)));
    tt[2] = f2.dbl(zh);
    return new Fp2[] {lc, lx, zh};
  }

  private boolean finalExponentiationIsOne(Fp12 f) {
    if (t.isZero(f)) {
      return false;
    }
    Fp12 m = t.mul(t.conj(f), t.inv(f)); // f^(p^6 - 1)
    m = t.mul(t.frobenius(m, 2), m); // ^(p^2 + 1): now in the cyclotomic subgroup
    return t.isOne(bn ? hardPartBn(m) : hardPartBls12(m));
  }

  /** m^x in the cyclotomic subgroup (inverse = conjugate). */
  private Fp12 expX(Fp12 m) {
    Fp12 acc = m;
    for (int i = 62 - Long.numberOfLeadingZeros(absX); i >= 0; i--) {
      acc = t.cyclotomicSqr(acc);
      if (((absX >>> i) & 1) != 0) {
        acc = t.mul(acc, m);
      }
    }
    return xNegative ? t.conj(acc) : acc;
  }

  /** prod bases[i]^e[i] for small non-negative exponents (simultaneous square-and-multiply). */
  private Fp12 smallMultiExp(Fp12[] bases, int[] e) {
    int bits = 0;
    for (int v : e) {
      bits = Math.max(bits, 32 - Integer.numberOfLeadingZeros(v));
    }
    Fp12 acc = t.one();
    for (int i = bits - 1; i >= 0; i--) {
      acc = t.cyclotomicSqr(acc);
      for (int k = 0; k < bases.length; k++) {
        if (((e[k] >>> i) & 1) != 0) {
          acc = t.mul(acc, bases[k]);
        }
      }
    }
    return acc;
  }

  private Fp12 hardPartBn(Fp12 m) {
    Fp12 y1 = expX(m);
    Fp12 y2 = expX(y1);
    Fp12 y3 = expX(y2);
    Fp12 l0 = t.conj(smallMultiExp(new Fp12[] {y3, y2, y1, m}, new int[] {36, 30, 18, 2}));
    Fp12 l1 = t.mul(t.conj(smallMultiExp(new Fp12[] {y3, y2, y1}, new int[] {36, 18, 12})), m);
    Fp12 l2 = t.mul(smallMultiExp(new Fp12[] {y2}, new int[] {6}), m);
    return t.mul(
        t.mul(l0, t.frobenius(l1, 1)), t.mul(t.frobenius(l2, 2), t.frobenius(m, 3)));
  }

  /** m^(3 (p^4 - p^2 + 1)/r) = m^((x-1)^2 (x+p) (x^2+p^2-1) + 3). */
  private Fp12 hardPartBls12(Fp12 m) {
    Fp12 a = t.mul(expX(m), t.conj(m)); // m^(x-1)
    a = t.mul(expX(a), t.conj(a)); // m^((x-1)^2)
    Fp12 b = t.mul(expX(a), t.frobenius(a, 1)); // a^(x+p)
    Fp12 c = t.mul(t.mul(expX(expX(b)), t.frobenius(b, 2)), t.conj(b)); // b^(x^2+p^2-1)
    return t.mul(c, t.mul(t.cyclotomicSqr(m), m));
  }
}
