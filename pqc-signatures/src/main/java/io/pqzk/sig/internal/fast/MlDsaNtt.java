package io.pqzk.sig.internal.fast;

import static io.pqzk.sig.internal.fast.MlDsaParams.Q;

/**
 * Arithmetic in R_q = Z_q[X]/(X^256 + 1) for ML-DSA: Montgomery reduction (R = 2^32) and the
 * number-theoretic transform of FIPS 204 Algorithms 41 (NTT) and 42 (NTT^-1), on int arrays.
 *
 * <p>Layout. The butterflies of the standard's four upper layers (len = 128 .. 16) pair elements
 * 16 or more apart, those of the four lower layers (len = 8 .. 1) elements inside a run of 16.
 * To give every layer long unit-stride inner loops, which HotSpot's C2 compiles to vector
 * instructions, the 256 coefficients are seen as a 16 x 16 matrix and transposed between the
 * upper and the lower layers: the lower layers then pair elements 16 len apart, and their
 * twiddle factors become per-element tables. The transform's output is therefore the
 * standard's NTT representation with index 16 r + c stored at 16 c + r ("transposed order");
 * {@link #invNttToMont} takes that order back. Pointwise products do not care about the order,
 * so everything in the NTT domain (A-hat included: see {@link #transpose}) is kept transposed.
 *
 * <p>Every polynomial is an array of its own, 256 ints: with an offset into a larger array, C2
 * cannot align the loops and runs them three times slower here.
 *
 * <p>Coefficients are kept in ints without reduction between layers; the bounds are stated where
 * they matter, and every caller stays inside them (see {@link MlDsaVerify}).
 */
final class MlDsaNtt {
  /** q^-1 mod 2^32. */
  static final int QINV = 58728449;
  /**
   * zetas[m] = zeta^brv8(m) 2^32 mod q, with zeta = 1753 the 512th root of unity (FIPS 204
   * Appendix B lists zeta^brv8(m)); the factor 2^32 makes one Montgomery reduction of zeta a
   * yield zeta a mod q.
   */
  private static final int[] ZETAS = new int[256];
  /**
   * Per-element twiddles of the forward lower layers (len 8, 4, 2, 1), transposed order: layer L's
   * factor for the butterfly whose first element is at position j is at L 256 + j (so that the
   * loop reads it at the same index as the data, which C2 vectorises best).
   */
  private static final int[] LOWER = new int[4 * 256];
  /** The same for -zeta of the inverse lower layers (len 1, 2, 4, 8). */
  private static final int[] LOWER_INV = new int[4 * 256];
  /** 2^64 / 256 mod q: NTT^-1's final factor f = 256^-1 (Alg. 42 line 21) times 2^32. */
  private static final int F;

  static {
    long r = (1L << 32) % Q;
    for (int m = 0; m < 256; m++) {
      ZETAS[m] = (int) (pow(1753, Integer.reverse(m) >>> 24) * r % Q);
    }
    // Element e of group g of the lower layer len (transposed order, at position 32 len g + e)
    // is row e mod 16 of column block g: in the standard order it is index 16 (e mod 16) +
    // 2 len g + e / 16, whose butterfly group i / (2 len) is g + (e mod 16) 8 / len.
    for (int layer = 0; layer < 4; layer++) {
      int len = 8 >> layer;
      for (int g = 0; g < 8 / len; g++) {
        for (int e = 0; e < 16 * len; e++) {
          LOWER[layer * 256 + 32 * len * g + e] = ZETAS[128 / len + g + (e & 15) * (8 / len)];
        }
      }
    }
    for (int layer = 0; layer < 4; layer++) {
      int len = 1 << layer;
      for (int g = 0; g < 8 / len; g++) {
        for (int e = 0; e < 16 * len; e++) {
          LOWER_INV[layer * 256 + 32 * len * g + e] =
              -ZETAS[256 / len - 1 - g - (e & 15) * (8 / len)];
        }
      }
    }
    F = (int) (r * r % Q * pow(256, Q - 2) % Q);
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

  /** a 2^-32 mod q, in (-q, q), for |a| < 2^31 q: the low 32 bits of t q cancel those of a. */
  static int montReduce(long a) {
    int t = (int) a * QINV;
    return (int) ((a - (long) t * Q) >> 32);
  }

  /**
   * In-place NTT, FIPS 204 Algorithm 41, output in transposed order. Each of the 8 layers adds
   * less than q to a coefficient's magnitude, so inputs below 2^31 - 8q in magnitude stay in int
   * range; the output is in the ordinary (not Montgomery) domain.
   *
   * <p>Each layer is a call with constant arguments: once inlined, the distance between the two
   * halves of a butterfly is a constant, which C2 needs to see that they do not overlap.
   */
  static void ntt(int[] a) {
    upper(a, 128, 1); // m = 1
    upper(a, 64, 2); // m = 2, 3
    upper(a, 32, 4); // m = 4 .. 7
    upper(a, 16, 8); // m = 8 .. 15
    transpose(a);
    lower(a, 128, 0); // standard len 8, m = 16 .. 31
    lower(a, 64, 256); // len 4, m = 32 .. 63
    lower(a, 32, 512); // len 2, m = 64 .. 127
    lower(a, 16, 768); // len 1, m = 128 .. 255
  }

  /** One layer with butterflies len apart in the standard order, zetas m0, m0 + 1, ... */
  private static void upper(int[] a, int len, int m0) {
    for (int g = 0; g < 128 / len; g++) {
      long zeta = ZETAS[m0 + g];
      int start = 2 * len * g;
      for (int j = start; j < start + len; j++) {
        int t = montReduce(zeta * a[j + len]);
        a[j + len] = a[j] - t;
        a[j] = a[j] + t;
      }
    }
  }

  /** One lower layer in transposed order: butterflies half apart, per-element twiddles. */
  private static void lower(int[] a, int half, int zb) {
    for (int g = 0; g < 128 / half; g++) {
      int start = 2 * half * g;
      for (int j = start; j < start + half; j++) {
        int t = montReduce((long) LOWER[zb + j] * a[j + half]);
        a[j + half] = a[j] - t;
        a[j] = a[j] + t;
      }
    }
  }

  /**
   * In-place NTT^-1 times 2^32, FIPS 204 Algorithm 42 on transposed-order input, with the final
   * factor 256^-1 replaced by 2^32 / 256: it undoes the 2^-32 that a pointwise Montgomery
   * product leaves behind. Inputs must be below q in magnitude (the sums double per layer:
   * 256 q < 2^31); outputs are below q in magnitude, in the standard order.
   */
  static void invNttToMont(int[] a) {
    lowerInv(a, 16, 0); // standard len 1, m = 255 .. 128
    lowerInv(a, 32, 256); // len 2, m = 127 .. 64
    lowerInv(a, 64, 512); // len 4, m = 63 .. 32
    lowerInv(a, 128, 768); // len 8, m = 31 .. 16
    transpose(a);
    upperInv(a, 16, 15); // m = 15 .. 8
    upperInv(a, 32, 7); // m = 7 .. 4
    upperInv(a, 64, 3); // m = 3, 2
    upperInv(a, 128, 1); // m = 1
    for (int j = 0; j < 256; j++) {
      a[j] = montReduce((long) F * a[j]);
    }
  }

  private static void lowerInv(int[] a, int half, int zb) {
    for (int g = 0; g < 128 / half; g++) {
      int start = 2 * half * g;
      for (int j = start; j < start + half; j++) {
        int t = a[j];
        a[j] = t + a[j + half];
        a[j + half] = montReduce((long) LOWER_INV[zb + j] * (t - a[j + half]));
      }
    }
  }

  /** Inverse layer with butterflies len apart, zetas -zetas[m0], -zetas[m0 - 1], ... */
  private static void upperInv(int[] a, int len, int m0) {
    for (int g = 0; g < 128 / len; g++) {
      long zeta = -ZETAS[m0 - g];
      int start = 2 * len * g;
      for (int j = start; j < start + len; j++) {
        int t = a[j];
        a[j] = t + a[j + len];
        a[j + len] = montReduce(zeta * (t - a[j + len]));
      }
    }
  }

  /**
   * Transposes the 16 x 16 matrix a[16 r + c] in place: maps the standard NTT order to the
   * transposed order and back.
   */
  static void transpose(int[] a) {
    for (int r = 0; r < 16; r++) {
      for (int c = r + 1; c < 16; c++) {
        int x = 16 * r + c;
        int y = 16 * c + r;
        int t = a[x];
        a[x] = a[y];
        a[y] = t;
      }
    }
  }
}
