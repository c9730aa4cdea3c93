package io.pqzk.zk.stark;

import io.pqzk.zk.stark.field.Ext3;
import io.pqzk.zk.stark.field.Goldilocks;
import io.pqzk.zk.stark.internal.MerkleTree;
import io.pqzk.zk.stark.internal.Transcript;
import java.util.TreeSet;

/**
 * What prover and verifier must compute identically: constants of the proof format, the shape
 * of the composition segments, the evaluation domain, FRI grouping, out-of-domain and query
 * sampling, the DEEP polynomial at one point, and the largest proof an option set allows.
 */
final class Protocol {
  static final String DOMAIN = "pqzk/stark/v2";
  static final byte[] MAGIC = "PQZKSTK2".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  /** Bytes before the first root: magic, options, log2 n, width, segments. */
  static final int HEADER = 8 + 7 + 1 + 2 + 1;
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

  /** Base-field columns of the composition commitment: 3 per segment, 3 for the mask. */
  static int compositionWidth(int segments) {
    return 3 * (segments + 1);
  }

  /**
   * Points of a trace column a proof reveals: the column at z and g*z (each an element of the
   * cubic extension, so 3 base-field values each) and at every query point x and, through the
   * composition value H(x), at g*x: 2 q + 6.
   */
  static int revealedPoints(StarkOptions opt) {
    return 2 * opt.queries() + 2 * StarkOptions.EXTENSION_DEGREE;
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

  /**
   * The DEEP coefficients with everything that does not depend on the point folded in once:
   * D(x) = (sum_c g_c T_c(x) + sum_k h_k C_k(x) - a) / (x - z) + (sum_c g'_c T_c(x) - b) /
   * (x - g z) + R(x), where C_k are the composition commitment's base columns (segment s,
   * component k: coefficient delta_s X^k), a = sum_c g_c T_c(z) + sum_s delta_s H_s(z) and
   * b = sum_c g'_c T_c(g z).
   */
  record Deep(Ext3[] atZ, Ext3[] atGz, Ext3[] comp, Ext3 a, Ext3 b) {
    static Deep of(Ext3[] gamma, Ext3[] tz, Ext3[] tgz, Ext3[] hz, int w, int seg) {
      Ext3[] atZ = new Ext3[w];
      Ext3[] atGz = new Ext3[w];
      Ext3 a = Ext3.ZERO;
      Ext3 b = Ext3.ZERO;
      for (int c = 0; c < w; c++) {
        atZ[c] = gamma[c];
        atGz[c] = gamma[w + c];
        a = a.add(gamma[c].mul(tz[c]));
        b = b.add(gamma[w + c].mul(tgz[c]));
      }
      Ext3[] comp = new Ext3[3 * seg];
      for (int s = 0; s < seg; s++) {
        Ext3 d = gamma[2 * w + s];
        comp[3 * s] = d;
        comp[3 * s + 1] = d.mul(Ext3.X);
        comp[3 * s + 2] = d.mul(Ext3.X.square());
        a = a.add(d.mul(hz[s]));
      }
      return new Deep(atZ, atGz, comp, a, b);
    }

    /** D at one point from the opened row values (shared by prover and verifier). */
    Ext3 at(long[] trow, long[] crow, Ext3 invXz, Ext3 invXgz) {
      long[] u = new long[3];
      long[] v = new long[3];
      for (int c = 0; c < atZ.length; c++) {
        mulAcc(u, atZ[c], trow[c]);
        mulAcc(v, atGz[c], trow[c]);
      }
      for (int k = 0; k < comp.length; k++) {
        mulAcc(u, comp[k], crow[k]);
      }
      int m = comp.length;
      Ext3 mask = Ext3.of(crow[m], crow[m + 1], crow[m + 2]);
      Ext3 first = Ext3.of(u[0], u[1], u[2]).sub(a).mul(invXz);
      Ext3 second = Ext3.of(v[0], v[1], v[2]).sub(b).mul(invXgz);
      return first.add(second).add(mask);
    }

    private static void mulAcc(long[] acc, Ext3 g, long v) {
      acc[0] = Goldilocks.add(acc[0], Goldilocks.mul(g.a0, v));
      acc[1] = Goldilocks.add(acc[1], Goldilocks.mul(g.a1, v));
      acc[2] = Goldilocks.add(acc[2], Goldilocks.mul(g.a2, v));
    }
  }

  /** Sorted distinct query positions in [0, 2^logN). */
  static int[] queries(Transcript tr, int count, int logN) {
    TreeSet<Integer> s = new TreeSet<>();
    for (int i = 0; i < count; i++) {
      s.add(tr.drawIndex(logN));
    }
    return s.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The largest proof the options allow for this AIR: every count at its maximum (q distinct
   * queries, full batched paths); what a verifier refuses above, before any parsing.
   */
  static long maxProofBytes(Air air, StarkOptions opt) {
    int n = air.traceLength();
    int w = air.width();
    int seg = numSegments(air, opt);
    int q = opt.queries();
    int logN = Integer.numberOfTrailingZeros(n * opt.blowup());
    int layers = opt.friLayers(n);
    int f = opt.folding();
    long size = HEADER + 2L * MerkleTree.DIGEST + 24L * (2 * w + seg) + 1 + 32L * layers
        + 2 + 24L * opt.remainderLength(n) + 8 + 2;
    long tree = 2 + 32L * MerkleTree.maxBatchPath(q, logN);
    size += q * (8L * w + MerkleTree.SALT) + tree;
    size += q * (8L * compositionWidth(seg) + MerkleTree.SALT) + tree;
    int depth = logN;
    for (int l = 0; l < layers; l++) {
      depth -= Integer.numberOfTrailingZeros(f);
      size += 2 + 24L * f * q + 2 + 32L * MerkleTree.maxBatchPath(q, depth);
    }
    return size;
  }
}
