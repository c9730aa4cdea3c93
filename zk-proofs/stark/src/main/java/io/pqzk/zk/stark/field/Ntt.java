package io.pqzk.zk.stark.field;

import static io.pqzk.zk.stark.field.Goldilocks.add;
import static io.pqzk.zk.stark.field.Goldilocks.mul;
import static io.pqzk.zk.stark.field.Goldilocks.sub;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Radix-2 number-theoretic transforms over Goldilocks on power-of-two sizes, and low-degree
 * extension onto a coset {@code shift * <omega>} (a coset, never the subgroup itself, so
 * evaluations revealed by queries are never trace cells).
 *
 * <p>Twiddle factors are computed once per size and kept (one table per size, each stage's
 * factors contiguous); so are the coset scalings of a low-degree extension. A degree-below-n
 * polynomial is extended onto a coset of size N = n * B as B transforms of size n, one per
 * sub-coset {@code shift * omega_N^k * <omega_n>}: B n log n instead of N log N butterflies.
 * Thread-safe.
 *
 * <p>Two switches exist for benchmarks only, to measure each measure against its absence in the
 * same run: {@code -Dpqzk.stark.ntt.cacheTwiddles=false} recomputes the twiddles (and coset
 * scalings) on every call, {@code -Dpqzk.stark.ntt.splitLde=false} extends with one transform
 * of size N. Results are the same either way.
 */
public final class Ntt {
  /** TWIDDLES[log] holds, for each stage s <= log, omega_(2^s)^j (j < 2^(s-1)) at 2^(s-1) + j. */
  private static final long[][] TWIDDLES = new long[Goldilocks.TWO_ADICITY + 1][];
  private static final ConcurrentHashMap<ScaleKey, long[]> COSET_SCALES = new ConcurrentHashMap<>();

  private record ScaleKey(int size, int n, long shift) {}

  private static final boolean CACHE_TWIDDLES =
      !"false".equals(System.getProperty("pqzk.stark.ntt.cacheTwiddles"));
  private static final boolean SPLIT_LDE =
      !"false".equals(System.getProperty("pqzk.stark.ntt.splitLde"));

  private Ntt() {}

  private static long[] twiddles(int log) {
    long[] t = CACHE_TWIDDLES ? TWIDDLES[log] : null;
    if (t == null) {
      t = new long[Math.max(1, 1 << log)];
      for (int s = 1; s <= log; s++) {
        int half = 1 << (s - 1);
        long wm = Goldilocks.rootOfUnity(s);
        long w = 1;
        for (int j = 0; j < half; j++) {
          t[half + j] = w;
          w = mul(w, wm);
        }
      }
      if (CACHE_TWIDDLES) {
        TWIDDLES[log] = t; // racing threads compute the same table
      }
    }
    return t;
  }

  /** In place: coefficients to evaluations at omega^i, i in [0, n). */
  public static void forward(long[] a) {
    int n = a.length;
    int log = checkPow2(n);
    long[] tw = twiddles(log);
    bitReverse(a);
    for (int s = 1; s <= log; s++) {
      int m = 1 << s;
      int half = m >>> 1;
      for (int k = 0; k < n; k += m) {
        // the first twiddle of every group is 1: no multiplication (a quarter of them)
        long t0 = a[k + half];
        long u0 = a[k];
        a[k] = add(u0, t0);
        a[k + half] = sub(u0, t0);
        for (int j = 1; j < half; j++) {
          long t = mul(tw[half + j], a[k + j + half]);
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

  /**
   * Evaluations of a polynomial (given by coefficients) on the coset shift * <omega_size>, in
   * natural order.
   */
  public static long[] evaluateOnCoset(long[] coeffs, int size, long shift) {
    if (coeffs.length > size) {
      throw new IllegalArgumentException("polynomial longer than the domain");
    }
    checkPow2(size);
    int n = Math.max(1, Integer.highestOneBit(Math.max(1, coeffs.length - 1)) << 1);
    n = SPLIT_LDE ? Math.min(Math.max(n, coeffs.length), size) : size;
    int blow = size / n;
    long[] scale = cosetScales(size, n, shift);
    long[] out = new long[size];
    long[] part = new long[n];
    for (int k = 0; k < blow; k++) {
      // sub-coset k is shift * omega_size^k * <omega_n>; point j of it is point k + blow * j
      int off = k * n;
      for (int i = 0; i < n; i++) {
        part[i] = i < coeffs.length ? mul(coeffs[i], scale[off + i]) : 0;
      }
      forward(part);
      for (int j = 0; j < n; j++) {
        out[k + blow * j] = part[j];
      }
    }
    return out;
  }

  /** scale[k * n + i] = (shift * omega_size^k)^i, for k < size / n and i < n. */
  private static long[] cosetScales(int size, int n, long shift) {
    ScaleKey key = new ScaleKey(size, n, shift);
    long[] cached = CACHE_TWIDDLES ? COSET_SCALES.get(key) : null;
    if (cached != null) {
      return cached;
    }
    int blow = size / n;
    long w = Goldilocks.rootOfUnity(Integer.numberOfTrailingZeros(size));
    long[] s = new long[size];
    long base = shift;
    for (int k = 0; k < blow; k++) {
      long p = 1;
      for (int i = 0; i < n; i++) {
        s[k * n + i] = p;
        p = mul(p, base);
      }
      base = mul(base, w);
    }
    if (CACHE_TWIDDLES && COSET_SCALES.size() < 64) {
      COSET_SCALES.putIfAbsent(key, s);
    }
    return s;
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

  /** x^0 .. x^(count-1): with {@link #evaluate(long[], Ext3[])}, many polynomials at one point. */
  public static Ext3[] powers(Ext3 x, int count) {
    Ext3[] p = new Ext3[count];
    Ext3 v = Ext3.ONE;
    for (int i = 0; i < count; i++) {
      p[i] = v;
      v = v.mul(x);
    }
    return p;
  }

  /**
   * A base-field polynomial at the point whose powers are given (at least as many as there are
   * coefficients): three base multiplications a term instead of an extension multiplication.
   */
  public static Ext3 evaluate(long[] coeffs, Ext3[] powers) {
    long a0 = 0;
    long a1 = 0;
    long a2 = 0;
    for (int i = 0; i < coeffs.length; i++) {
      long c = coeffs[i];
      if (c != 0) {
        Ext3 p = powers[i];
        a0 = add(a0, mul(c, p.a0));
        a1 = add(a1, mul(c, p.a1));
        a2 = add(a2, mul(c, p.a2));
      }
    }
    return Ext3.of(a0, a1, a2);
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
