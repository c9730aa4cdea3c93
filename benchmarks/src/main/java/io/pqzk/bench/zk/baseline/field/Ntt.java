package io.pqzk.bench.zk.baseline.field;

import static io.pqzk.bench.zk.baseline.field.Goldilocks.add;
import static io.pqzk.bench.zk.baseline.field.Goldilocks.mul;
import static io.pqzk.bench.zk.baseline.field.Goldilocks.sub;

/**
 * Radix-2 number-theoretic transforms over Goldilocks on power-of-two sizes, and low-degree
 * extension onto a coset {@code shift * <omega>} (a coset, never the subgroup itself, so
 * evaluations revealed by queries are never trace cells).
 */
public final class Ntt {
  private Ntt() {}

  /** In place: coefficients to evaluations at omega^i, i in [0, n). */
  public static void forward(long[] a) {
    int n = a.length;
    int log = checkPow2(n);
    bitReverse(a);
    for (int s = 1; s <= log; s++) {
      int m = 1 << s;
      int half = m >>> 1;
      long wm = Goldilocks.rootOfUnity(s);
      long[] tw = new long[half];
      tw[0] = 1;
      for (int j = 1; j < half; j++) {
        tw[j] = mul(tw[j - 1], wm);
      }
      for (int k = 0; k < n; k += m) {
        for (int j = 0; j < half; j++) {
          long t = mul(tw[j], a[k + j + half]);
          long u = a[k + j];
          a[k + j] = add(u, t);
          a[k + j + half] = sub(u, t);
        }
      }
    }
  }

  /** In place: evaluations at omega^i to coefficients. */
  public static void inverse(long[] a) {
    int n = a.length;
    forward(a);
    // evaluations at omega^{-i} are a permutation of those at omega^i
    for (int i = 1, j = n - 1; i < j; i++, j--) {
      long t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    long nInv = Goldilocks.inv(n);
    for (int i = 0; i < n; i++) {
      a[i] = mul(a[i], nInv);
    }
  }

  /** Evaluations of a polynomial (given by coefficients) on the coset shift * <omega_size>. */
  public static long[] evaluateOnCoset(long[] coeffs, int size, long shift) {
    if (coeffs.length > size) {
      throw new IllegalArgumentException("polynomial longer than the domain");
    }
    long[] a = new long[size];
    long s = 1;
    for (int i = 0; i < coeffs.length; i++) {
      a[i] = mul(coeffs[i], s);
      s = mul(s, shift);
    }
    forward(a);
    return a;
  }

  /** Coefficients of the polynomial whose evaluations on shift * <omega> are given. */
  public static long[] interpolateCoset(long[] evals, long shift) {
    long[] a = evals.clone();
    inverse(a);
    long si = Goldilocks.inv(shift);
    long s = 1;
    for (int i = 0; i < a.length; i++) {
      a[i] = mul(a[i], s);
      s = mul(s, si);
    }
    return a;
  }

  /** Horner evaluation of a base-field polynomial at an extension point. */
  public static Ext3 evaluate(long[] coeffs, Ext3 x) {
    Ext3 r = Ext3.ZERO;
    for (int i = coeffs.length - 1; i >= 0; i--) {
      r = r.mul(x).addBase(coeffs[i]);
    }
    return r;
  }

  static int checkPow2(int n) {
    if (n <= 0 || (n & (n - 1)) != 0) {
      throw new IllegalArgumentException("size must be a power of two: " + n);
    }
    return Integer.numberOfTrailingZeros(n);
  }

  private static void bitReverse(long[] a) {
    int n = a.length;
    int log = Integer.numberOfTrailingZeros(n);
    if (log == 0) {
      return;
    }
    for (int i = 0; i < n; i++) {
      int j = Integer.reverse(i) >>> (32 - log);
      if (i < j) {
        long t = a[i];
        a[i] = a[j];
        a[j] = t;
      }
    }
  }
}
