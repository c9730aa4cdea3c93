package io.pqzk.sig.internal.fast;

import static io.pqzk.sig.internal.fast.MlDsaParams.Q;

/**
 * Arithmetic in R_q = Z_q[X]/(X^256 + 1) for ML-DSA: Montgomery reduction (R = 2^32) and the
 * number-theoretic transform of FIPS 204 Algorithms 41 (NTT) and 42 (NTT^-1), on int arrays.
 *
 * <p>Coefficients are kept in ints without reduction between butterfly layers: the bounds are
 * stated where they matter, and every caller stays inside them (see {@link MlDsaVerify}).
 */
final class MlDsaNtt {
  /** q^-1 mod 2^32. */
  static final int QINV = 58728449;
  /**
   * zetas[m] = zeta^brv8(m) * 2^32 mod q, with zeta = 1753 the 512th root of unity
   * (FIPS 204 Appendix B lists zeta^brv8(m)); the factor 2^32 makes one Montgomery reduction
   * of zeta * a yield zeta * a mod q.
   */
  private static final int[] ZETAS = new int[256];
  /** 2^64 / 256 mod q: the final scaling of NTT^-1 (Alg. 42 line 21, f = 256^-1) times 2^32. */
  private static final int F;

  static {
    long r = (1L << 32) % Q;
    long zeta = 1753;
    for (int m = 0; m < 256; m++) {
      ZETAS[m] = (int) (pow(zeta, Integer.reverse(m) >>> 24) * r % Q);
    }
    long inv256 = pow(256, Q - 2);
    F = (int) (r * r % Q * inv256 % Q);
    if (QINV * Q != 1) {
      throw new AssertionError("QINV");
    }
  }

  private MlDsaNtt() {}

  private static long pow(long b, long e) {
    long x = 1;
    b %= Q;
    while (e > 0) {
      if ((e & 1) != 0) {
        x = x * b % Q;
      }
      b = b * b % Q;
      e >>= 1;
    }
    return x;
  }

  /**
   * a * 2^-32 mod q, in (-q, q), for |a| < 2^31 q. The low 32 bits of t * q cancel those of a.
   */
  static int montReduce(long a) {
    int t = (int) a * QINV;
    return (int) ((a - (long) t * Q) >> 32);
  }

  /**
   * In-place NTT, FIPS 204 Algorithm 41. Each of the 8 layers adds less than q to a coefficient's
   * magnitude, so inputs below 2^31 - 8q in magnitude stay in int range; the output is the
   * transform in the ordinary (not Montgomery) domain.
   */
  static void ntt(int[] a, int off) {
    int m = 0;
    for (int len = 128; len >= 1; len >>= 1) {
      for (int start = 0; start < 256; start += 2 * len) {
        long zeta = ZETAS[++m];
        int end = off + start + len;
        for (int j = off + start; j < end; j++) {
          int t = montReduce(zeta * a[j + len]);
          a[j + len] = a[j] - t;
          a[j] = a[j] + t;
        }
      }
    }
  }

  /**
   * In-place NTT^-1 times 2^32, FIPS 204 Algorithm 42 with the final factor 256^-1 replaced by
   * 2^32 / 256: it undoes the 2^-32 that a pointwise Montgomery product leaves behind. Inputs
   * must be below q in magnitude (the upper halves double per layer: 256 q < 2^31); outputs are
   * below q in magnitude.
   */
  static void invNttToMont(int[] a, int off) {
    int m = 256;
    for (int len = 1; len < 256; len <<= 1) {
      for (int start = 0; start < 256; start += 2 * len) {
        long zeta = -ZETAS[--m];
        int end = off + start + len;
        for (int j = off + start; j < end; j++) {
          int t = a[j];
          a[j] = t + a[j + len];
          a[j + len] = montReduce(zeta * (t - a[j + len]));
        }
      }
    }
    for (int j = off; j < off + 256; j++) {
      a[j] = montReduce((long) F * a[j]);
    }
  }

  /** The representative of a in [0, q), for |a| < 2^31 (one Barrett-free reduction by %). */
  static int freeze(int a) {
    int r = a % Q;
    return r + ((r >> 31) & Q);
  }
}
