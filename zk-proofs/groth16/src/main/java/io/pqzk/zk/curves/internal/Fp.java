package io.pqzk.zk.curves.internal;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A prime field GF(p) in Montgomery form on 64-bit limbs (little-endian {@code long[]}, value
 * times 2^(64n) mod p). Multiplication is CIOS (Koc, Acar, Kaliski 1996, "Analyzing and comparing
 * Montgomery multiplication algorithms", section 4). Elements are always fully reduced, so
 * {@link #eq} is limb equality. BigInteger appears only in conversions and inversion, never in the
 * multiplication path used by the pairing.
 *
 * <p>Public data only: the verifier handles no secrets, so branches on values are acceptable here.
 */
public final class Fp implements FieldOps<long[]> {
  final int n;
  private final long[] p;
  private final long n0inv; // -p^{-1} mod 2^64
  private final BigInteger modulus;
  private final BigInteger r;
  private final BigInteger rInv;
  private final long[] one;
  private final long[] zero;
  private final boolean noCarry; // top limb of p below 2^63 - 1: see mulIntoNoCarry

  public Fp(BigInteger modulus) {
    if (!modulus.testBit(0) || modulus.bitLength() < 3) {
      throw new IllegalArgumentException("modulus must be an odd prime");
    }
    this.modulus = modulus;
    this.n = (modulus.bitLength() + 63) / 64;
    this.p = limbs(modulus, n);
    BigInteger two64 = BigInteger.ONE.shiftLeft(64);
    this.n0inv = modulus.negate().modInverse(two64).longValue();
    this.r = BigInteger.ONE.shiftLeft(64 * n).mod(modulus);
    this.rInv = r.modInverse(modulus);
    this.one = limbs(r, n);
    this.zero = new long[n];
    this.noCarry = Long.compareUnsigned(p[n - 1], 0x7FFFFFFFFFFFFFFEL) < 0;
  }

  public BigInteger modulus() {
    return modulus;
  }

  static long[] limbs(BigInteger v, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = v.shiftRight(64 * i).longValue();
    }
    return out;
  }

  /** Montgomery form of {@code v}, which must already be in [0, p). */
  public long[] fromCanonical(BigInteger v) {
    if (v.signum() < 0 || v.compareTo(modulus) >= 0) {
      throw new IllegalArgumentException("not a canonical field element");
    }
    return limbs(v.multiply(r).mod(modulus), n);
  }

  /** Montgomery form of {@code v mod p}; for constants. */
  public long[] of(BigInteger v) {
    return fromCanonical(v.mod(modulus));
  }

  public long[] of(long v) {
    return of(BigInteger.valueOf(v));
  }

  public BigInteger toBigInteger(long[] a) {
    BigInteger v = BigInteger.ZERO;
    for (int i = n - 1; i >= 0; i--) {
      v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(a[i])));
    }
    return v.multiply(rInv).mod(modulus);
  }

  @Override
  public long[] zero() {
    return zero;
  }

  @Override
  public long[] one() {
    return one;
  }

  @Override
  public boolean isZero(long[] a) {
    long acc = 0;
    for (long l : a) {
      acc |= l;
    }
    return acc == 0;
  }

  @Override
  public boolean eq(long[] a, long[] b) {
    return Arrays.equals(a, b);
  }

  @Override
  public long[] add(long[] a, long[] b) {
    long[] c = new long[n];
    long carry = 0;
    for (int i = 0; i < n; i++) {
      long s = a[i] + b[i];
      long c1 = Long.compareUnsigned(s, a[i]) < 0 ? 1 : 0;
      long s2 = s + carry;
      long c2 = Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
      c[i] = s2;
      carry = c1 | c2;
    }
    if (carry != 0 || geqP(c)) {
      subP(c);
    }
    return c;
  }

  @Override
  public long[] sub(long[] a, long[] b) {
    long[] c = new long[n];
    long borrow = 0;
    for (int i = 0; i < n; i++) {
      long d = a[i] - b[i];
      long b1 = Long.compareUnsigned(a[i], b[i]) < 0 ? 1 : 0;
      long d2 = d - borrow;
      long b2 = Long.compareUnsigned(d, borrow) < 0 ? 1 : 0;
      c[i] = d2;
      borrow = b1 | b2;
    }
    if (borrow != 0) {
      long carry = 0;
      for (int i = 0; i < n; i++) {
        long s = c[i] + p[i];
        long c1 = Long.compareUnsigned(s, c[i]) < 0 ? 1 : 0;
        long s2 = s + carry;
        long c2 = Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
        c[i] = s2;
        carry = c1 | c2;
      }
    }
    return c;
  }

  /** a * k for a small non-negative k, by doublings and additions (cheaper than a multiplication). */
  public long[] mulSmall(long[] a, int k) {
    long[] acc = zero;
    for (int i = 31 - Integer.numberOfLeadingZeros(k); i >= 0; i--) {
      acc = add(acc, acc);
      if (((k >>> i) & 1) != 0) {
        acc = add(acc, a);
      }
    }
    return acc;
  }

  @Override
  public long[] neg(long[] a) {
    return isZero(a) ? zero : sub(zero, a);
  }

  @Override
  public long[] dbl(long[] a) {
    return add(a, a);
  }

  @Override
  public long[] sqr(long[] a) {
    return mul(a, a);
  }

  private static long mulHi(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  @Override
  public long[] mul(long[] a, long[] b) {
    long[] t = new long[n];
    mulInto(a, b, t);
    return t;
  }

  /**
   * t = a * b (Montgomery). {@code t} must not be {@code a} or {@code b}; it is overwritten.
   * A fully unrolled 4- and 6-limb version was measured no faster (6 limbs: slower) on JDK 25;
   * keeping the top words in locals and reducing in place saves about 15%.
   */
  void mulInto(long[] a, long[] b, long[] t) {
    if (noCarry) {
      mulIntoNoCarry(a, b, t);
      return;
    }
    final int n = this.n;
    final long[] p = this.p;
    java.util.Arrays.fill(t, 0L);
    long tn = 0;
    for (int i = 0; i < n; i++) {
      long bi = b[i];
      long c = 0;
      for (int j = 0; j < n; j++) {
        long aj = a[j];
        long lo = aj * bi;
        long hi = mulHi(aj, bi);
        long s = lo + t[j];
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        long s2 = s + c;
        hi += Long.compareUnsigned(s2, c) < 0 ? 1 : 0;
        t[j] = s2;
        c = hi;
      }
      long s = tn + c;
      long tn1 = Long.compareUnsigned(s, c) < 0 ? 1 : 0;
      tn = s;
      long m = t[0] * n0inv;
      long lo0 = m * p[0];
      long hi0 = mulHi(m, p[0]);
      c = hi0 + (Long.compareUnsigned(lo0 + t[0], lo0) < 0 ? 1 : 0);
      for (int j = 1; j < n; j++) {
        long lo = m * p[j];
        long hi = mulHi(m, p[j]);
        long sj = lo + t[j];
        hi += Long.compareUnsigned(sj, lo) < 0 ? 1 : 0;
        long sj2 = sj + c;
        hi += Long.compareUnsigned(sj2, c) < 0 ? 1 : 0;
        t[j - 1] = sj2;
        c = hi;
      }
      long sn = tn + c;
      t[n - 1] = sn;
      tn = tn1 + (Long.compareUnsigned(sn, c) < 0 ? 1 : 0);
    }
    if (tn != 0 || geqP(t)) {
      subP(t);
    }
  }

  /**
   * CIOS with the multiplication and the reduction in one inner loop and no extra carry words,
   * valid when the top limb of p is below 2^63 - 1 (both pairing curves: BN254 and BLS12-381
   * leave the top bits of their top limb free), as described for gnark's field arithmetic
   * ("Faster big-integer modular multiplication for most moduli", ConsenSys, 2020): the running
   * value stays below 2p, so t[n] and t[n+1] are never needed.
   */
  private void mulIntoNoCarry(long[] a, long[] b, long[] t) {
    final int n = this.n;
    final long[] p = this.p;
    java.util.Arrays.fill(t, 0L);
    for (int i = 0; i < n; i++) {
      long bi = b[i];
      long lo = a[0] * bi;
      long hi = mulHi(a[0], bi);
      long t0 = t[0] + lo;
      long carryA = hi + (Long.compareUnsigned(t0, lo) < 0 ? 1 : 0);
      long m = t0 * n0inv;
      long mlo = m * p[0];
      long carryC = mulHi(m, p[0]) + (Long.compareUnsigned(t0 + mlo, mlo) < 0 ? 1 : 0);
      for (int j = 1; j < n; j++) {
        lo = a[j] * bi;
        hi = mulHi(a[j], bi);
        long s = lo + t[j];
        hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
        long tj = s + carryA;
        hi += Long.compareUnsigned(tj, carryA) < 0 ? 1 : 0;
        carryA = hi;
        mlo = m * p[j];
        long mhi = mulHi(m, p[j]);
        long u = mlo + tj;
        mhi += Long.compareUnsigned(u, mlo) < 0 ? 1 : 0;
        long u2 = u + carryC;
        mhi += Long.compareUnsigned(u2, carryC) < 0 ? 1 : 0;
        carryC = mhi;
        t[j - 1] = u2;
      }
      t[n - 1] = carryC + carryA;
    }
    if (geqP(t)) {
      subP(t);
    }
  }

  /** out = a + b; out may be a or b. */
  void addInto(long[] a, long[] b, long[] out) {
    long carry = 0;
    for (int i = 0; i < n; i++) {
      long ai = a[i];
      long s = ai + b[i];
      long c1 = Long.compareUnsigned(s, ai) < 0 ? 1 : 0;
      long s2 = s + carry;
      long c2 = Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
      out[i] = s2;
      carry = c1 | c2;
    }
    if (carry != 0 || geqP(out)) {
      subP(out);
    }
  }

  /** out = a - b; out may be a or b. */
  void subInto(long[] a, long[] b, long[] out) {
    long borrow = 0;
    for (int i = 0; i < n; i++) {
      long ai = a[i];
      long bi = b[i];
      long d = ai - bi;
      long b1 = Long.compareUnsigned(ai, bi) < 0 ? 1 : 0;
      long d2 = d - borrow;
      long b2 = Long.compareUnsigned(d, borrow) < 0 ? 1 : 0;
      out[i] = d2;
      borrow = b1 | b2;
    }
    if (borrow != 0) {
      long carry = 0;
      for (int i = 0; i < n; i++) {
        long s = out[i] + p[i];
        long c1 = Long.compareUnsigned(s, out[i]) < 0 ? 1 : 0;
        long s2 = s + carry;
        long c2 = Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
        out[i] = s2;
        carry = c1 | c2;
      }
    }
  }

  @Override
  public long[] inv(long[] a) {
    if (isZero(a)) {
      throw new ArithmeticException("inverse of zero");
    }
    return fromCanonical(toBigInteger(a).modInverse(modulus));
  }

  private boolean geqP(long[] c) {
    for (int i = n - 1; i >= 0; i--) {
      int cmp = Long.compareUnsigned(c[i], p[i]);
      if (cmp != 0) {
        return cmp > 0;
      }
    }
    return true;
  }

  private void subP(long[] c) {
    long borrow = 0;
    for (int i = 0; i < n; i++) {
      long d = c[i] - p[i];
      long b1 = Long.compareUnsigned(c[i], p[i]) < 0 ? 1 : 0;
      long d2 = d - borrow;
      long b2 = Long.compareUnsigned(d, borrow) < 0 ? 1 : 0;
      c[i] = d2;
      borrow = b1 | b2;
    }
  }
}
