package io.pqzk.bench.zk.baseline.field;

/**
 * Arithmetic in the Goldilocks field p = 2^64 - 2^32 + 1 on canonical unsigned longs in [0, p).
 *
 * <p>Reduction uses 2^64 = 2^32 - 1 (mod p), so no Montgomery form is needed; the 128-bit
 * product is built from {@link Math#multiplyHigh} (JDK 9+, signed) with the unsigned correction,
 * because {@code Math.unsignedMultiplyHigh} is JDK 18+ and this module targets Java 17.
 */
public final class Goldilocks {
  /** The modulus, as an unsigned long. */
  public static final long P = 0xFFFF_FFFF_0000_0001L;
  /** 2^64 mod p. */
  static final long EPSILON = 0xFFFF_FFFFL;
  /** Generator of the multiplicative group (as in Winterfell and Plonky2). */
  public static final long GENERATOR = 7;
  /** Largest power-of-two order of a multiplicative subgroup: p - 1 = 2^32 * (2^32 - 1). */
  public static final int TWO_ADICITY = 32;

  private Goldilocks() {}

  /** Whether {@code v} is the canonical encoding of a field element. */
  public static boolean isCanonical(long v) {
    return Long.compareUnsigned(v, P) < 0;
  }

  /** Reduces any unsigned 64-bit value. */
  public static long reduce(long v) {
    return Long.compareUnsigned(v, P) >= 0 ? v - P : v;
  }

  public static long add(long a, long b) {
    long s = a + b;
    if (Long.compareUnsigned(s, a) < 0) {
      s += EPSILON; // wrapped past 2^64: a + b - 2^64 + (2^32 - 1) = a + b - p < p
      return s;
    }
    return Long.compareUnsigned(s, P) >= 0 ? s - P : s;
  }

  public static long sub(long a, long b) {
    long d = a - b;
    if (Long.compareUnsigned(a, b) < 0) {
      d -= EPSILON; // borrowed 2^64: add p = 2^64 - EPSILON
    }
    return d;
  }

  public static long neg(long a) {
    return a == 0 ? 0 : P - a;
  }

  public static long mul(long a, long b) {
    long lo = a * b;
    long hi = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    return reduce128(hi, lo);
  }

  public static long square(long a) {
    return mul(a, a);
  }

  /** Reduces hi * 2^64 + lo, using 2^64 = 2^32 - 1 and 2^96 = -1 (mod p). */
  static long reduce128(long hi, long lo) {
    long hiHi = hi >>> 32;
    long hiLo = hi & EPSILON;
    long t0 = lo - hiHi;
    if (Long.compareUnsigned(lo, hiHi) < 0) {
      t0 -= EPSILON;
    }
    long t1 = hiLo * EPSILON;
    long r = t0 + t1;
    if (Long.compareUnsigned(r, t0) < 0) {
      r += EPSILON;
    }
    return reduce(r);
  }

  public static long pow(long base, long exp) {
    long r = 1;
    long b = base;
    long e = exp;
    while (e != 0) {
      if ((e & 1) != 0) {
        r = mul(r, b);
      }
      b = mul(b, b);
      e >>>= 1;
    }
    return r;
  }

  /** Multiplicative inverse; throws ArithmeticException for zero. */
  public static long inv(long a) {
    if (a == 0) {
      throw new ArithmeticException("inverse of zero");
    }
    return pow(a, P - 2);
  }

  /** A primitive root of unity of order 2^logN. */
  public static long rootOfUnity(int logN) {
    if (logN < 0 || logN > TWO_ADICITY) {
      throw new IllegalArgumentException("no root of unity of order 2^" + logN);
    }
    long g = pow(GENERATOR, (P - 1) >>> TWO_ADICITY);
    for (int i = logN; i < TWO_ADICITY; i++) {
      g = mul(g, g);
    }
    return g;
  }

  /** Batch inversion (Montgomery's trick); every input must be non-zero. */
  public static long[] batchInv(long[] v) {
    long[] out = new long[v.length];
    long acc = 1;
    for (int i = 0; i < v.length; i++) {
      out[i] = acc;
      acc = mul(acc, v[i]);
    }
    long inv = inv(acc);
    for (int i = v.length - 1; i >= 0; i--) {
      long t = mul(out[i], inv);
      inv = mul(inv, v[i]);
      out[i] = t;
    }
    return out;
  }
}
