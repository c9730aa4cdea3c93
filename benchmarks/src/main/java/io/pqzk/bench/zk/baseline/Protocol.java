package io.pqzk.bench.zk.baseline;

import io.pqzk.bench.zk.baseline.field.Ext3;
import io.pqzk.bench.zk.baseline.field.Goldilocks;
import io.pqzk.bench.zk.baseline.internal.Transcript;
import java.util.TreeSet;

/**
 * What prover and verifier must compute identically: constants of the proof format, the shape
 * of the composition segments, the evaluation domain, FRI grouping, out-of-domain and query
 * sampling, and the DEEP polynomial at one point.
 */
final class Protocol {
  static final String DOMAIN = "pqzk/stark/v1";
  static final byte[] MAGIC = "PQZKSTK1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  /** Coset shift of the LDE domain: the multiplicative generator, outside every subgroup. */
  static final long SHIFT = Goldilocks.GENERATOR;

  private Protocol() {}

  /** Random coefficients added to each composition segment: above the openings per segment. */
  static int randomizerLength(StarkOptions opt) {
    return opt.queries() + 2;
  }

  /** Coefficient stride m = n - k between composition segments. */
  static int segmentStride(Air air, StarkOptions opt) {
    int m = air.traceLength() - randomizerLength(opt);
    if (m < 1) {
      throw new IllegalArgumentException("trace length " + air.traceLength()
          + " is too short for " + opt.queries() + " queries");
    }
    return m;
  }

  /** Segments needed to hold H: deg H <= (D - 1)(n - 1), and at least n - 2 (boundaries). */
  static int numSegments(Air air, StarkOptions opt) {
    int n = air.traceLength();
    long coeffs = Math.max((long) (air.maxDegree() - 1) * (n - 1) + 1, n - 1);
    int m = segmentStride(air, opt);
    return (int) ((coeffs + m - 1) / m);
  }

  static long[] domain(int size) {
    long[] xs = new long[size];
    long w = Goldilocks.rootOfUnity(Integer.numberOfTrailingZeros(size));
    xs[0] = SHIFT;
    for (int i = 1; i < size; i++) {
      xs[i] = Goldilocks.mul(xs[i - 1], w);
    }
    return xs;
  }

  static Ext3[] group(Ext3[] layer, int j, int f) {
    int groups = layer.length / f;
    Ext3[] v = new Ext3[f];
    for (int t = 0; t < f; t++) {
      v[t] = layer[j + t * groups];
    }
    return v;
  }

  /** Sorted distinct values of p mod m. */
  static int[] distinctMod(int[] p, int m) {
    TreeSet<Integer> s = new TreeSet<>();
    for (int v : p) {
      s.add(v % m);
    }
    return s.stream().mapToInt(Integer::intValue).toArray();
  }

  static Ext3 drawOod(Transcript tr, int n, int bigN) {
    while (true) {
      Ext3 z = tr.drawExt();
      // outside the trace domain (z^n != 1) and the LDE coset ((z / shift)^N != 1)
      Ext3 zs = z.mulBase(Goldilocks.inv(SHIFT));
      if (!z.pow(n).equals(Ext3.ONE) && !zs.pow(bigN).equals(Ext3.ONE) && !z.isBase()) {
        return z;
      }
    }
  }

  /** The DEEP polynomial at one point from the opened row values (shared with the verifier). */
  static Ext3 deepAt(long[] trow, long[] crow, Ext3 invXz, Ext3 invXgz, Ext3[] tz, Ext3[] tgz,
      Ext3[] hz, Ext3[] gamma, int w, int seg) {
    // sum gamma_c (T_c(x) - v_c) = sum gamma_c T_c(x) - sum gamma_c v_c; T_c(x) is in the base
    long[] a = new long[3];
    long[] bb = new long[3];
    Ext3 aConst = Ext3.ZERO;
    Ext3 bConst = Ext3.ZERO;
    for (int c = 0; c < w; c++) {
      mulAcc(a, gamma[c], trow[c]);
      mulAcc(bb, gamma[w + c], trow[c]);
      aConst = aConst.add(gamma[c].mul(tz[c]));
      bConst = bConst.add(gamma[w + c].mul(tgz[c]));
    }
    Ext3 av = Ext3.of(a[0], a[1], a[2]).sub(aConst);
    for (int s = 0; s < seg; s++) {
      Ext3 hv = Ext3.of(crow[3 * s], crow[3 * s + 1], crow[3 * s + 2]);
      av = av.add(gamma[2 * w + s].mul(hv.sub(hz[s])));
    }
    Ext3 bv = Ext3.of(bb[0], bb[1], bb[2]).sub(bConst);
    Ext3 mask = Ext3.of(crow[3 * seg], crow[3 * seg + 1], crow[3 * seg + 2]);
    return av.mul(invXz).add(bv.mul(invXgz)).add(mask);
  }

  private static void mulAcc(long[] acc, Ext3 g, long v) {
    acc[0] = Goldilocks.add(acc[0], Goldilocks.mul(g.a0, v));
    acc[1] = Goldilocks.add(acc[1], Goldilocks.mul(g.a1, v));
    acc[2] = Goldilocks.add(acc[2], Goldilocks.mul(g.a2, v));
  }

  /** Sorted distinct query positions in [0, 2^logN). */
  static int[] queries(Transcript tr, int count, int logN) {
    TreeSet<Integer> s = new TreeSet<>();
    for (int i = 0; i < count; i++) {
      s.add(tr.drawIndex(logN));
    }
    return s.stream().mapToInt(Integer::intValue).toArray();
  }
}
