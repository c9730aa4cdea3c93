package io.pqzk.bench.zk.baseline.security;

/**
 * IEEE-754 double helpers with Rust's semantics, so that floors land where Winterfell's do.
 * Java's arithmetic already gives Rust's infinities and NaNs for division, sqrt, pow and ceil;
 * only the float-to-int cast, {@code f64::min} and {@code log2} need care.
 */
final class F64 {
  private static final double LN2 = Math.log(2.0);

  private F64() {}

  /** Rust {@code f64 as u64}: truncation toward zero, NaN and negatives to 0, saturating. */
  static long asU64(double x) {
    return x > 0 ? (long) x : 0L; // (long) saturates at Long.MAX_VALUE, far above any bit count
  }

  /** Rust {@code f64::min}: if one operand is NaN the other is returned. */
  static double min(double a, double b) {
    if (Double.isNaN(a)) {
      return b;
    }
    if (Double.isNaN(b)) {
      return a;
    }
    return a <= b ? a : b;
  }

  /**
   * Base-2 logarithm. Split into exponent and mantissa so that exact powers of two (LDE sizes,
   * trace lengths) give exact integers, as libm's log2 does; elsewhere within an ulp or two.
   */
  static double log2(double x) {
    if (Double.isNaN(x) || x < 0) {
      return Double.NaN;
    }
    if (x == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (Double.isInfinite(x)) {
      return x;
    }
    if (x < Double.MIN_NORMAL) {
      return log2(x * 0x1p64) - 64.0;
    }
    int e = Math.getExponent(x);
    double mantissa = Math.scalb(x, -e); // in [1, 2)
    return mantissa == 1.0 ? e : e + Math.log(mantissa) / LN2;
  }

  /** floor(log2 v) for a positive integer (Rust {@code ilog2}). */
  static int ilog2(long v) {
    if (v <= 0) {
      throw new IllegalArgumentException("ilog2 of non-positive value " + v);
    }
    return 63 - Long.numberOfLeadingZeros(v);
  }
}
