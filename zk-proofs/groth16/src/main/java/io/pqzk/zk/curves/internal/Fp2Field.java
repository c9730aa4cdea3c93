package io.pqzk.zk.curves.internal;

import java.math.BigInteger;

/**
 * GF(p^2) = GF(p)[u]/(u^2 + 1), the quadratic extension used by both BN254 and BLS12-381 (for both
 * p = 3 mod 4, so -1 is a non-residue). Karatsuba multiplication: 3 base multiplications.
 */
public final class Fp2Field implements FieldOps<Fp2> {
  final Fp fp;
  private final Fp2 zero;
  private final Fp2 one;

  public Fp2Field(Fp fp) {
    this.fp = fp;
    this.zero = new Fp2(fp.zero(), fp.zero());
    this.one = new Fp2(fp.one(), fp.zero());
  }

  public Fp base() {
    return fp;
  }

  public Fp2 of(long[] c0, long[] c1) {
    return new Fp2(c0, c1);
  }

  public Fp2 of(BigInteger c0, BigInteger c1) {
    return new Fp2(fp.of(c0), fp.of(c1));
  }

  @Override
  public Fp2 zero() {
    return zero;
  }

  @Override
  public Fp2 one() {
    return one;
  }

  @Override
  public boolean isZero(Fp2 a) {
    return fp.isZero(a.c0) && fp.isZero(a.c1);
  }

  @Override
  public boolean eq(Fp2 a, Fp2 b) {
    return fp.eq(a.c0, b.c0) && fp.eq(a.c1, b.c1);
  }

  @Override
  public Fp2 add(Fp2 a, Fp2 b) {
    return new Fp2(fp.add(a.c0, b.c0), fp.add(a.c1, b.c1));
  }

  @Override
  public Fp2 sub(Fp2 a, Fp2 b) {
    return new Fp2(fp.sub(a.c0, b.c0), fp.sub(a.c1, b.c1));
  }

  @Override
  public Fp2 neg(Fp2 a) {
    return new Fp2(fp.neg(a.c0), fp.neg(a.c1));
  }

  @Override
  public Fp2 dbl(Fp2 a) {
    return new Fp2(fp.add(a.c0, a.c0), fp.add(a.c1, a.c1));
  }

  @Override
  public Fp2 mul(Fp2 a, Fp2 b) {
    // Karatsuba, written into few fresh arrays: allocation, not arithmetic, dominates here
    int n = fp.n;
    long[] v0 = new long[n];
    long[] v1 = new long[n];
    long[] sa = new long[n];
    long[] sb = new long[n];
    long[] c1 = new long[n];
    fp.mulInto(a.c0, b.c0, v0);
    fp.mulInto(a.c1, b.c1, v1);
    fp.addInto(a.c0, a.c1, sa);
    fp.addInto(b.c0, b.c1, sb);
    fp.mulInto(sa, sb, c1);
    fp.subInto(c1, v0, c1);
    fp.subInto(c1, v1, c1);
    fp.subInto(v0, v1, v0);
    return new Fp2(v0, c1);
  }

  @Override
  public Fp2 sqr(Fp2 a) {
    // (a0 + a1 u)^2 = (a0 + a1)(a0 - a1) + 2 a0 a1 u
    int n = fp.n;
    long[] s = new long[n];
    long[] d = new long[n];
    long[] c0 = new long[n];
    long[] c1 = new long[n];
    fp.addInto(a.c0, a.c1, s);
    fp.subInto(a.c0, a.c1, d);
    fp.mulInto(s, d, c0);
    fp.mulInto(a.c0, a.c1, c1);
    fp.addInto(c1, c1, c1);
    return new Fp2(c0, c1);
  }

  public Fp2 mulBase(Fp2 a, long[] k) {
    return new Fp2(fp.mul(a.c0, k), fp.mul(a.c1, k));
  }

  public Fp2 conj(Fp2 a) {
    return new Fp2(a.c0, fp.neg(a.c1));
  }

  @Override
  public Fp2 inv(Fp2 a) {
    long[] norm = fp.add(fp.sqr(a.c0), fp.sqr(a.c1));
    long[] ni = fp.inv(norm);
    return new Fp2(fp.mul(a.c0, ni), fp.neg(fp.mul(a.c1, ni)));
  }

  public Fp2 pow(Fp2 a, BigInteger e) {
    Fp2 r = one;
    for (int i = e.bitLength() - 1; i >= 0; i--) {
      r = sqr(r);
      if (e.testBit(i)) {
        r = mul(r, a);
      }
    }
    return r;
  }
}
