package io.pqzk.zk.stark;

import io.pqzk.zk.stark.field.Ext3;
import io.pqzk.zk.stark.field.Goldilocks;
import io.pqzk.zk.stark.field.Ntt;
import io.pqzk.zk.stark.internal.Codec;
import io.pqzk.zk.stark.internal.MerkleTree;
import io.pqzk.zk.stark.internal.ProverRandom;
import io.pqzk.zk.stark.internal.Transcript;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The STARK prover (ethSTARK documentation, ePrint 2021/582, sections 3-5; DEEP-ALI as in
 * Winterfell): LDE of the trace on a coset, salted Merkle commitment, composition of every
 * constraint with extension-field coefficients, split composition plus a random mask polynomial
 * committed together, out-of-domain point z with openings at z and g*z, DEEP composition, FRI
 * ({@link FriProver}), proof-of-work grinding, then queries. The proof layout is documented in
 * {@link StarkVerifier}. Transforms and commitments run on every core.
 *
 * <p>Zero-knowledge needs the AIR's trace to end in random rows (the AIR's job, see
 * {@link Air#zeroKnowledgeRows()}); this class refuses option sets that reveal more points per
 * column than there are random rows, salts every trace and composition leaf and mixes the random
 * mask into the DEEP polynomial.
 */
public final class StarkProver {
  private static final boolean PROFILE = Boolean.getBoolean("pqzk.stark.profile");

  private StarkProver() {}

  /**
   * Proves that {@code trace} satisfies {@code air}; throws IllegalArgumentException naming the
   * first violated constraint or assertion when it does not, or when the options do not fit the
   * AIR (blowup below its degree, more revealed points than random rows).
   */
  public static byte[] prove(Air air, long[][] trace, StarkOptions opt, SecureRandom rnd) {
    checkOptions(air, opt);
    String bad = firstViolation(air, trace);
    if (bad != null) {
      throw new IllegalArgumentException("trace does not satisfy the AIR: " + bad);
    }
    return proveUncheckedForTesting(air, trace, opt, rnd);
  }

  /**
   * Points of each trace column a proof with these options reveals: 2 q + 6 (z and g*z in the
   * cubic extension count 3 base-field values each; each query point x and, through the
   * composition, g*x, one each). An AIR's random rows must be at least this many.
   */
  public static int revealedPoints(StarkOptions opt) {
    return Protocol.revealedPoints(opt);
  }

  /** Refuses options that do not fit the AIR (IllegalArgumentException naming why). */
  public static void checkOptions(Air air, StarkOptions opt) {
    if (opt.blowup() < air.maxDegree()) {
      throw new IllegalArgumentException(
          "blowup " + opt.blowup() + " is below the AIR's constraint degree " + air.maxDegree());
    }
    int random = air.zeroKnowledgeRows();
    int revealed = revealedPoints(opt);
    if (random > 0 && revealed > random) {
      throw new IllegalArgumentException(opt.queries() + " queries reveal " + revealed
          + " points of each trace column (2 per query, 3 base-field values at each of z and"
          + " g*z), more than its " + random + " random rows: the trace would not stay"
          + " zero-knowledge");
    }
    Protocol.segmentStride(air, opt);
  }

  /** The first violated constraint as "constraint j at row i" or "assertion ...", else null. */
  public static String firstViolation(Air air, long[][] trace) {
    int n = air.traceLength();
    int w = air.width();
    long[][] per = air.periodicColumns();
    long[] cur = new long[w];
    long[] next = new long[w];
    long[] p = new long[per.length];
    long[] out = new long[air.numConstraints()];
    for (int i = 0; i + 1 < n; i++) {
      for (int c = 0; c < w; c++) {
        cur[c] = trace[c][i];
        next[c] = trace[c][i + 1];
      }
      for (int k = 0; k < per.length; k++) {
        p[k] = per[k][i % per[k].length];
      }
      air.evaluateBase(cur, next, p, out);
      for (int j = 0; j < out.length; j++) {
        if (out[j] != 0) {
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
   * Builds a proof WITHOUT checking the trace (the options are still checked against the AIR):
   * test-only, so soundness tests can force a proof from a doctored trace and show the verifier
   * rejects it. Never call it in production code.
   */
  public static byte[] proveUncheckedForTesting(Air air, long[][] trace, StarkOptions opt,
      SecureRandom seed) {
    checkOptions(air, opt);
    ProverRandom rnd = new ProverRandom(seed);
    int n = air.traceLength();
    int w = air.width();
    int b = opt.blowup();
    int bigN = n * b;
    int logN = Integer.numberOfTrailingZeros(bigN);
    int seg = Protocol.numSegments(air, opt);
    int cw = Protocol.compositionWidth(seg);
    CommitmentHash hash = opt.hash();

    long t0 = System.nanoTime();
    Transcript tr = new Transcript(Protocol.DOMAIN, hash);
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
    byte[] tSalt = salts(bigN, rnd);
    MerkleTree tTree = MerkleTree.build(hash, bigN, 8 * w, rowWriter(tLde), tSalt);
    tr.absorb("trace-root", tTree.root());

    long t1 = System.nanoTime();
    // 2. composition, split into randomised segments, with the DEEP mask
    List<Air.Assertion> asserts = air.assertions();
    Ext3[] alpha = tr.drawExt(air.numConstraints() + asserts.size());
    long[][] cCoef = Composition.segments(air, opt, tLde, alpha, rnd);
    long[][] cLde = new long[cw][];
    IntStream.range(0, cw).parallel()
        .forEach(k -> cLde[k] = Ntt.evaluateOnCoset(cCoef[k], bigN, Protocol.SHIFT));
    byte[] cSalt = salts(bigN, rnd);
    MerkleTree cTree = MerkleTree.build(hash, bigN, 8 * cw, rowWriter(cLde), cSalt);
    tr.absorb("composition-root", cTree.root());

    long t2 = System.nanoTime();
    // 3. out-of-domain point and openings at z and g*z
    Ext3 z = Protocol.drawOod(tr, n, bigN);
    Ext3 gz = z.mulBase(air.traceGenerator());
    Ext3[] zp = Ntt.powers(z, n);
    Ext3[] gzp = Ntt.powers(gz, n);
    Ext3[] tz = new Ext3[w];
    Ext3[] tgz = new Ext3[w];
    IntStream.range(0, w).parallel().forEach(c -> {
      tz[c] = Ntt.evaluate(tCoef[c], zp);
      tgz[c] = Ntt.evaluate(tCoef[c], gzp);
    });
    Ext3[] hz = new Ext3[seg];
    for (int s = 0; s < seg; s++) {
      hz[s] = Ntt.evaluate(cCoef[3 * s], zp)
          .add(Ext3.X.mul(Ntt.evaluate(cCoef[3 * s + 1], zp)))
          .add(Ext3.X.square().mul(Ntt.evaluate(cCoef[3 * s + 2], zp)));
    }
    tr.absorbExt("ood-trace-z", tz);
    tr.absorbExt("ood-trace-gz", tgz);
    tr.absorbExt("ood-composition-z", hz);

    // 4. DEEP composition and FRI
    Protocol.Deep deep = Protocol.Deep.of(tr.drawExt(2 * w + seg), tz, tgz, hz, w, seg);
    long t3 = System.nanoTime();
    FriProver.Result fri = FriProver.commit(tr, opt, n, bigN, tLde, cLde, z, gz, deep);

    long t4 = System.nanoTime();
    // 5. grinding, bound to everything absorbed so far, then queries
    long nonce = grind(tr.state(), opt.grindingBits());
    tr.absorb("pow-nonce", Transcript.longLe(nonce));
    int[] positions = Protocol.queries(tr, opt.queries(), logN);

    long t5 = System.nanoTime();
    if (PROFILE) {
      System.err.printf("stark prove: trace %.1f ms, composition %.1f ms, ood %.1f ms,"
          + " deep+fri %.1f ms, grinding %.1f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6,
          (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6);
    }
    // 6. write the proof
    Codec.Writer out = new Codec.Writer();
    out.bytes(Protocol.MAGIC).bytes(opt.encode()).u8(Integer.numberOfTrailingZeros(n)).u16(w)
        .u8(seg);
    out.bytes(tTree.root()).bytes(cTree.root());
    for (Ext3[] v : new Ext3[][] {tz, tgz, hz}) {
      for (Ext3 e : v) {
        out.ext(e);
      }
    }
    fri.writeCommitments(out);
    out.base(nonce);
    out.u16(positions.length);
    writeOpenings(out, tLde, tSalt, positions, tTree);
    writeOpenings(out, cLde, cSalt, positions, cTree);
    fri.writeQueries(out, positions);
    // witness-derived buffers: best-effort erasure (the JVM may have copied them)
    for (long[][] m : new long[][][] {tCoef, tLde, cCoef, cLde}) {
      for (long[] c : m) {
        java.util.Arrays.fill(c, 0);
      }
    }
    return out.toByteArray();
  }

  private static MerkleTree.Leaves rowWriter(long[][] cols) {
    return (i, buf, off) -> {
      for (int c = 0; c < cols.length; c++) {
        Codec.putLong(buf, off + 8 * c, cols[c][i]);
      }
    };
  }

  private static void writeOpenings(Codec.Writer out, long[][] cols, byte[] salts,
      int[] positions, MerkleTree tree) {
    byte[] row = new byte[8 * cols.length];
    for (int p : positions) {
      rowWriter(cols).write(p, row, 0);
      out.bytes(row).bytes(java.util.Arrays.copyOfRange(salts, p * MerkleTree.SALT,
          (p + 1) * MerkleTree.SALT));
    }
    writePath(out, tree.batchPath(positions));
  }

  static void writePath(Codec.Writer out, List<byte[]> path) {
    out.u16(path.size());
    for (byte[] d : path) {
      out.bytes(d);
    }
  }

  private static byte[] salts(int size, ProverRandom rnd) {
    byte[] s = new byte[size * MerkleTree.SALT];
    rnd.nextBytes(s);
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

  /** Searches nonces on every core; the first found wins (any valid nonce is equally good). */
  static long grind(byte[] seed, int bits) {
    if (bits == 0) {
      return 0;
    }
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    java.util.concurrent.atomic.AtomicLong found = new java.util.concurrent.atomic.AtomicLong(-1);
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
