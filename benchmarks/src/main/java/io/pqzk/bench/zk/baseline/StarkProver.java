package io.pqzk.bench.zk.baseline;

import io.pqzk.bench.zk.baseline.field.Ext3;
import io.pqzk.bench.zk.baseline.field.Goldilocks;
import io.pqzk.bench.zk.baseline.field.Ntt;
import io.pqzk.bench.zk.baseline.internal.Codec;
import io.pqzk.bench.zk.baseline.internal.Fri;
import io.pqzk.bench.zk.baseline.internal.MerkleTree;
import io.pqzk.bench.zk.baseline.internal.ProverRandom;
import io.pqzk.bench.zk.baseline.internal.Transcript;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The STARK prover (ethSTARK documentation, ePrint 2021/582, sections 3-5; DEEP-ALI as in
 * Winterfell): LDE of the trace on a coset, salted Merkle commitment, composition of every
 * constraint with extension-field coefficients, split composition plus a random mask polynomial
 * committed together, out-of-domain point z with openings at z and g*z, DEEP composition, FRI,
 * proof-of-work grinding, then queries. The proof layout is documented in {@link StarkVerifier}.
 *
 * <p>Zero-knowledge needs the AIR's trace to end in random rows (the AIR's job); this class
 * salts every trace and composition leaf and mixes the random mask into the DEEP polynomial.
 */
public final class StarkProver {
  private static final boolean PROFILE = Boolean.getBoolean("pqzk.stark.profile");

  private StarkProver() {}

  /**
   * Proves that {@code trace} satisfies {@code air}; throws IllegalArgumentException naming the
   * first violated constraint or assertion when it does not.
   */
  public static byte[] prove(Air air, long[][] trace, StarkOptions opt, SecureRandom rnd) {
    String bad = firstViolation(air, trace);
    if (bad != null) {
      throw new IllegalArgumentException("trace does not satisfy the AIR: " + bad);
    }
    return proveUncheckedForTesting(air, trace, opt, rnd);
  }

  /** The first violated constraint as "constraint j at row i" or "assertion ...", else null. */
  public static String firstViolation(Air air, long[][] trace) {
    int n = air.traceLength();
    int w = air.width();
    long[][] per = air.periodicColumns();
    Ext3[] cur = new Ext3[w];
    Ext3[] next = new Ext3[w];
    Ext3[] p = new Ext3[per.length];
    Ext3[] out = new Ext3[air.numConstraints()];
    for (int i = 0; i + 1 < n; i++) {
      for (int c = 0; c < w; c++) {
        cur[c] = Ext3.base(trace[c][i]);
        next[c] = Ext3.base(trace[c][i + 1]);
      }
      for (int k = 0; k < per.length; k++) {
        p[k] = Ext3.base(per[k][i]);
      }
      air.evaluate(cur, next, p, out);
      for (int j = 0; j < out.length; j++) {
        if (!out[j].isZero()) {
          return "constraint " + j + " at row " + i;
        }
      }
    }
    for (Air.Assertion a : air.assertions()) {
      if (trace[a.column()][a.row()] != a.value()) {
        return "assertion column " + a.column() + " row " + a.row();
      }
    }
    return null;
  }

  /**
   * Builds a proof WITHOUT checking the trace: test-only, so soundness tests can force a proof
   * from a doctored trace and show the verifier rejects it. Never call it in production code.
   */
  public static byte[] proveUncheckedForTesting(Air air, long[][] trace, StarkOptions opt,
      SecureRandom seed) {
    ProverRandom rnd = new ProverRandom(seed);
    int n = air.traceLength();
    int w = air.width();
    int b = opt.blowup();
    if (b < air.maxDegree()) {
      throw new IllegalArgumentException(
          "blowup " + b + " is below the AIR's constraint degree " + air.maxDegree());
    }
    int bigN = n * b;
    int logN = Integer.numberOfTrailingZeros(bigN);
    int seg = Protocol.numSegments(air, opt);
    int stride = Protocol.segmentStride(air, opt);
    int kr = Protocol.randomizerLength(opt);
    long g = air.traceGenerator();
    long[] xs = Protocol.domain(bigN);

    long t0 = System.nanoTime();
    Transcript tr = new Transcript(Protocol.DOMAIN);
    tr.absorb("options", opt.encode());
    tr.absorb("air", air.identity());

    // 1. trace LDE and commitment
    long[][] tCoef = new long[w][];
    long[][] tLde = new long[w][];
    IntStream.range(0, w).parallel().forEach(c -> {
      long[] co = trace[c].clone();
      Ntt.inverse(co);
      tCoef[c] = co;
      tLde[c] = Ntt.evaluateOnCoset(co, bigN, Protocol.SHIFT);
    });
    byte[][] tSalt = salts(bigN, rnd);
    byte[][] tLeaves = rows(tLde, bigN);
    MerkleTree tTree = new MerkleTree(tLeaves, tSalt);
    tr.absorb("trace-root", tTree.root());

    long t1 = System.nanoTime();
    // 2. composition
    List<Air.Assertion> asserts = air.assertions();
    Ext3[] alpha = tr.drawExt(air.numConstraints() + asserts.size());
    Ext3[] h = compose(air, tLde, xs, g, alpha, asserts, b);
    long[][] hCoef = new long[3][];
    IntStream.range(0, 3).parallel().forEach(k -> {
      long[] v = new long[h.length];
      for (int i = 0; i < h.length; i++) {
        v[i] = k == 0 ? h[i].a0 : k == 1 ? h[i].a1 : h[i].a2;
      }
      hCoef[k] = Ntt.interpolateCoset(v, Protocol.SHIFT);
    });
    // Randomised segments (Haboeck and Al Kindi, ePrint 2024/1037): H = sum_s x^(s m) H_s with
    // stride m = n - k, and H'_s = H_s + x^m rho_s - rho_(s-1) for random rho of degree < k
    // (rho_(-1) = rho_(seg-1) = 0): the rho terms telescope away in sum_s x^(s m) H'_s, every
    // H'_s still has degree < n, and each carries k random coefficients, more than the
    // k - 1 = queries + 1 points at which a proof opens it. Component k of segment s is column
    // 3s + k; the random DEEP mask R (degree < n) comes last.
    long[][] rho = new long[3 * Math.max(0, seg - 1)][kr];
    for (long[] rr : rho) {
      for (int j = 0; j < kr; j++) {
        rr[j] = randomElement(rnd);
      }
    }
    long[][] cCoef = new long[3 * (seg + 1)][];
    for (int s = 0; s < seg; s++) {
      for (int k = 0; k < 3; k++) {
        long[] part = new long[n];
        int from = s * stride;
        System.arraycopy(hCoef[k], from, part, 0, Math.max(0, Math.min(stride, hCoef[k].length - from)));
        if (s < seg - 1) {
          for (int j = 0; j < kr; j++) {
            part[stride + j] = Goldilocks.add(part[stride + j], rho[3 * s + k][j]);
          }
        }
        if (s > 0) {
          for (int j = 0; j < kr; j++) {
            part[j] = Goldilocks.sub(part[j], rho[3 * (s - 1) + k][j]);
          }
        }
        cCoef[3 * s + k] = part;
      }
    }
    for (int k = 0; k < 3; k++) {
      long[] r = new long[n];
      for (int i = 0; i < n; i++) {
        r[i] = randomElement(rnd);
      }
      cCoef[3 * seg + k] = r;
    }
    long[][] cLde = new long[cCoef.length][];
    IntStream.range(0, cCoef.length).parallel()
        .forEach(k -> cLde[k] = Ntt.evaluateOnCoset(cCoef[k], bigN, Protocol.SHIFT));
    byte[][] cLeaves = rows(cLde, bigN);
    byte[][] cSalt = salts(bigN, rnd);
    MerkleTree cTree = new MerkleTree(cLeaves, cSalt);
    tr.absorb("composition-root", cTree.root());

    long t2 = System.nanoTime();
    // 3. out-of-domain point and openings at z and g*z
    Ext3 z = Protocol.drawOod(tr, n, bigN);
    Ext3 gz = z.mulBase(g);
    Ext3[] tz = new Ext3[w];
    Ext3[] tgz = new Ext3[w];
    IntStream.range(0, w).parallel().forEach(c -> {
      tz[c] = Ntt.evaluate(tCoef[c], z);
      tgz[c] = Ntt.evaluate(tCoef[c], gz);
    });
    Ext3[] hz = new Ext3[seg];
    for (int s = 0; s < seg; s++) {
      hz[s] = extPolyAt(cCoef, s, z);
    }
    tr.absorbExt("ood-trace-z", tz);
    tr.absorbExt("ood-trace-gz", tgz);
    tr.absorbExt("ood-composition-z", hz);

    // 4. DEEP composition
    Ext3[] gamma = tr.drawExt(2 * w + seg);
    Ext3[] deep = deep(tLde, cLde, xs, z, gz, tz, tgz, hz, gamma, w, seg);

    long t3 = System.nanoTime();
    // 5. FRI commit phase
    List<MerkleTree> friTrees = new ArrayList<>();
    List<Ext3[]> layers = new ArrayList<>();
    int f = opt.folding();
    int degree = n;
    Ext3[] cur = deep;
    long offset = Protocol.SHIFT;
    while (degree > opt.maxRemainderDegree() + 1) {
      int m = cur.length;
      int groups = m / f;
      byte[][] leaves = new byte[groups][];
      Ext3[] curF = cur;
      IntStream.range(0, groups).parallel().forEach(j -> leaves[j] = Fri.leaf(Protocol.group(curF, j, f)));
      MerkleTree t = new MerkleTree(leaves, null);
      friTrees.add(t);
      layers.add(cur);
      tr.absorb("fri-root", t.root());
      Ext3 beta = tr.drawExt();
      long omegaM = Goldilocks.rootOfUnity(Integer.numberOfTrailingZeros(m));
      long zetaInv = Goldilocks.inv(Goldilocks.pow(omegaM, groups));
      Ext3[] nextLayer = new Ext3[groups];
      long off = offset;
      IntStream.range(0, groups).parallel().forEach(j -> nextLayer[j] = Fri.fold(
          Protocol.group(curF, j, f), Goldilocks.mul(off, Goldilocks.pow(omegaM, j)), zetaInv, beta));
      cur = nextLayer;
      offset = Goldilocks.pow(offset, f);
      degree /= f;
    }
    Ext3[] remainder = remainder(cur, offset, degree);
    tr.absorbExt("fri-remainder", remainder);

    long t4 = System.nanoTime();
    // 6. grinding, bound to everything absorbed so far, then queries
    long nonce = grind(tr.state(), opt.grindingBits());
    tr.absorb("pow-nonce", Transcript.longLe(nonce));
    int[] positions = Protocol.queries(tr, opt.queries(), logN);

    long t5 = System.nanoTime();
    if (PROFILE) {
      System.err.printf("stark prove: trace %.1f ms, composition %.1f ms, ood+deep %.1f ms,"
          + " fri %.1f ms, grinding %.1f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6,
          (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6);
    }
    // 7. write the proof
    Codec.Writer out = new Codec.Writer();
    out.bytes(Protocol.MAGIC).bytes(opt.encode()).u8(Integer.numberOfTrailingZeros(n)).u16(w).u8(seg);
    out.bytes(tTree.root()).bytes(cTree.root());
    for (Ext3 e : tz) {
      out.ext(e);
    }
    for (Ext3 e : tgz) {
      out.ext(e);
    }
    for (Ext3 e : hz) {
      out.ext(e);
    }
    out.u8(friTrees.size());
    for (MerkleTree t : friTrees) {
      out.bytes(t.root());
    }
    out.u8(remainder.length);
    for (Ext3 e : remainder) {
      out.ext(e);
    }
    out.base(nonce);
    out.u16(positions.length);
    for (int p : positions) {
      out.bytes(tLeaves[p]).bytes(tSalt[p]);
    }
    writePath(out, tTree.batchPath(positions));
    for (int p : positions) {
      out.bytes(cLeaves[p]).bytes(cSalt[p]);
    }
    writePath(out, cTree.batchPath(positions));
    int[] pos = positions;
    for (int l = 0; l < friTrees.size(); l++) {
      Ext3[] layer = layers.get(l);
      int groups = layer.length / f;
      int[] idx = Protocol.distinctMod(pos, groups);
      out.u16(idx.length);
      for (int j : idx) {
        for (Ext3 e : Protocol.group(layer, j, f)) {
          out.ext(e);
        }
      }
      writePath(out, friTrees.get(l).batchPath(idx));
      pos = idx;
    }
    // witness-derived buffers: best-effort erasure (the JVM may have copied them)
    for (long[][] m : new long[][][] {tCoef, tLde, cCoef, cLde, rho}) {
      for (long[] c : m) {
        java.util.Arrays.fill(c, 0);
      }
    }
    return out.toByteArray();
  }







  static byte[][] rows(long[][] cols, int size) {
    byte[][] r = new byte[size][];
    IntStream.range(0, size).parallel().forEach(i -> {
      byte[] b = new byte[8 * cols.length];
      for (int c = 0; c < cols.length; c++) {
        Codec.putLong(b, 8 * c, cols[c][i]);
      }
      r[i] = b;
    });
    return r;
  }

  private static void writePath(Codec.Writer out, List<byte[]> path) {
    out.u16(path.size());
    for (byte[] d : path) {
      out.bytes(d);
    }
  }

  private static byte[][] salts(int size, ProverRandom rnd) {
    byte[][] s = new byte[size][MerkleTree.SALT];
    for (byte[] x : s) {
      rnd.nextBytes(x);
    }
    return s;
  }

  public static long randomElement(ProverRandom rnd) {
    while (true) {
      long v = rnd.nextLong();
      if (Goldilocks.isCanonical(v)) {
        return v;
      }
    }
  }

  /** H(x) = sum alpha_j C_j(x) (x - g^(n-1)) / (x^n - 1) + sum alpha_k (T_c(x) - v) / (x - g^r). */
  private static Ext3[] compose(Air air, long[][] tLde, long[] xs, long g, Ext3[] alpha,
      List<Air.Assertion> asserts, int b) {
    int n = air.traceLength();
    int bigN = xs.length;
    int w = air.width();
    long[][] pCoef = air.periodicCoefficients();
    long[][] pLde = new long[pCoef.length][];
    IntStream.range(0, pCoef.length).parallel()
        .forEach(k -> pLde[k] = Ntt.evaluateOnCoset(pCoef[k], bigN, Protocol.SHIFT));
    // x^n takes b distinct values on the coset
    long[] zInv = new long[b];
    for (int k = 0; k < b; k++) {
      zInv[k] = Goldilocks.sub(Goldilocks.pow(xs[k], n), 1);
    }
    long[] zInvF = Goldilocks.batchInv(zInv);
    long gLast = Goldilocks.pow(g, n - 1);
    int[] rowsUsed = asserts.stream().mapToInt(Air.Assertion::row).distinct().toArray();
    java.util.Map<Integer, long[]> rowInv = new java.util.HashMap<>();
    for (int r : rowsUsed) {
      long gr = Goldilocks.pow(g, r);
      long[] d = new long[bigN];
      for (int i = 0; i < bigN; i++) {
        d[i] = Goldilocks.sub(xs[i], gr);
      }
      rowInv.put(r, Goldilocks.batchInv(d));
    }
    int nc = air.numConstraints();
    // H has degree below (D - 1) n: evaluating it on the sub-coset of size n * D' (D' the
    // power of two >= D, the even-strided points of the LDE coset) determines it exactly
    int sub = Math.min(b, Integer.highestOneBit(Math.max(1, air.maxDegree() - 1)) << 1);
    int step = b / sub;
    int size = bigN / step;
    Ext3[] h = new Ext3[size];
    int chunk = 256;
    IntStream.range(0, (size + chunk - 1) / chunk).parallel().forEach(ch -> {
      long[] cur = new long[w];
      long[] next = new long[w];
      long[] per = new long[pLde.length];
      long[] out = new long[nc];
      for (int pt = ch * chunk; pt < Math.min(size, (ch + 1) * chunk); pt++) {
        int i = pt * step;
        int ni = (i + b) % bigN;
        for (int c = 0; c < w; c++) {
          cur[c] = tLde[c][i];
          next[c] = tLde[c][ni];
        }
        for (int k = 0; k < per.length; k++) {
          per[k] = pLde[k][i];
        }
        air.evaluateBase(cur, next, per, out);
        long a0 = 0;
        long a1 = 0;
        long a2 = 0;
        for (int j = 0; j < nc; j++) {
          a0 = Goldilocks.add(a0, Goldilocks.mul(alpha[j].a0, out[j]));
          a1 = Goldilocks.add(a1, Goldilocks.mul(alpha[j].a1, out[j]));
          a2 = Goldilocks.add(a2, Goldilocks.mul(alpha[j].a2, out[j]));
        }
        long f = Goldilocks.mul(Goldilocks.sub(xs[i], gLast), zInvF[i % b]);
        a0 = Goldilocks.mul(a0, f);
        a1 = Goldilocks.mul(a1, f);
        a2 = Goldilocks.mul(a2, f);
        for (int k = 0; k < asserts.size(); k++) {
          Air.Assertion a = asserts.get(k);
          long num = Goldilocks.mul(Goldilocks.sub(tLde[a.column()][i], a.value()),
              rowInv.get(a.row())[i]);
          Ext3 al = alpha[nc + k];
          a0 = Goldilocks.add(a0, Goldilocks.mul(al.a0, num));
          a1 = Goldilocks.add(a1, Goldilocks.mul(al.a1, num));
          a2 = Goldilocks.add(a2, Goldilocks.mul(al.a2, num));
        }
        h[pt] = Ext3.of(a0, a1, a2);
      }
    });
    return h;
  }

  /** Value at z of the extension-valued polynomial stored as 3 base columns from index 3s. */
  static Ext3 extPolyAt(long[][] coef, int s, Ext3 z) {
    Ext3 p0 = Ntt.evaluate(coef[3 * s], z);
    Ext3 p1 = Ntt.evaluate(coef[3 * s + 1], z);
    Ext3 p2 = Ntt.evaluate(coef[3 * s + 2], z);
    return p0.add(Ext3.X.mul(p1)).add(Ext3.X.square().mul(p2));
  }


  private static Ext3[] deep(long[][] tLde, long[][] cLde, long[] xs, Ext3 z, Ext3 gz,
      Ext3[] tz, Ext3[] tgz, Ext3[] hz, Ext3[] gamma, int w, int seg) {
    int bigN = xs.length;
    Ext3[] dz = new Ext3[bigN];
    Ext3[] dgz = new Ext3[bigN];
    for (int i = 0; i < bigN; i++) {
      dz[i] = Ext3.base(xs[i]).sub(z);
      dgz[i] = Ext3.base(xs[i]).sub(gz);
    }
    Ext3[] iz = Ext3.batchInv(dz);
    Ext3[] igz = Ext3.batchInv(dgz);
    Ext3[] d = new Ext3[bigN];
    IntStream.range(0, bigN).parallel().forEach(i -> {
      long[] trow = new long[w];
      for (int c = 0; c < w; c++) {
        trow[c] = tLde[c][i];
      }
      long[] crow = new long[cLde.length];
      for (int k = 0; k < cLde.length; k++) {
        crow[k] = cLde[k][i];
      }
      d[i] = Protocol.deepAt(trow, crow, iz[i], igz[i], tz, tgz, hz, gamma, w, seg);
    });
    return d;
  }



  private static Ext3[] remainder(Ext3[] evals, long offset, int degree) {
    long[][] comp = new long[3][evals.length];
    for (int i = 0; i < evals.length; i++) {
      comp[0][i] = evals[i].a0;
      comp[1][i] = evals[i].a1;
      comp[2][i] = evals[i].a2;
    }
    for (int k = 0; k < 3; k++) {
      comp[k] = Ntt.interpolateCoset(comp[k], offset);
    }
    Ext3[] r = new Ext3[degree];
    for (int i = 0; i < degree; i++) {
      r[i] = Ext3.of(comp[0][i], comp[1][i], comp[2][i]);
    }
    return r;
  }

  /** Searches nonces on every core; the first found wins (any valid nonce is equally good). */
  static long grind(byte[] seed, int bits) {
    if (bits == 0) {
      return 0;
    }
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    AtomicLong found = new AtomicLong(-1);
    IntStream.range(0, threads).parallel().forEach(t -> {
      java.security.MessageDigest d = Transcript.powDigest();
      for (long nonce = t; found.get() < 0; nonce += threads) {
        if (Transcript.powOk(d, seed, nonce, bits)) {
          found.compareAndSet(-1, nonce);
          return;
        }
      }
    });
    return found.get();
  }

}
