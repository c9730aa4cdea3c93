package io.pqzk.bench.zk.baseline;

import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.ProofRejectedException;
import io.pqzk.bench.zk.baseline.field.Ext3;
import io.pqzk.bench.zk.baseline.field.Goldilocks;
import io.pqzk.bench.zk.baseline.field.Ntt;
import io.pqzk.bench.zk.baseline.internal.Codec;
import io.pqzk.bench.zk.baseline.internal.Fri;
import io.pqzk.bench.zk.baseline.internal.MerkleTree;
import io.pqzk.bench.zk.baseline.internal.Transcript;
import io.pqzk.bench.zk.baseline.security.SecurityLevel;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The STARK verifier. Proof layout (all integers little-endian, field elements canonical):
 * magic "PQZKSTK1", options (7 bytes, {@link StarkOptions#encode()}), log2 trace length (u8),
 * width (u16), segments (u8), trace root, composition root (32 bytes each), trace at z, trace at
 * g*z, segments at z (extension elements), FRI layer count (u8) and roots, remainder length (u8)
 * and coefficients, grinding nonce (8 bytes), distinct query count (u16), per query the trace row
 * (values, 32-byte salt) then one batched Merkle path (u16 count, digests), per query the
 * composition row (segments then mask, salt) then its batched path, per FRI layer a group count
 * (u16), per group its F values, then the layer's batched path. A batched path holds, level by
 * level and left to right, each sibling the verifier cannot compute from the opened leaves.
 *
 * <p>The whole proof is parsed first (so truncated, oversized or non-canonical input is
 * {@link MalformedProofException}), then the transcript is replayed and every check computed;
 * any failure is {@link ProofRejectedException}.
 */
public final class StarkVerifier {
  /** Largest proof accepted, far above the ~100 KB the default parameters produce. */
  public static final int MAX_PROOF_BYTES = 1 << 20;

  private StarkVerifier() {}

  /** Verifies; returns the security level the proof's parameters give. */
  public static SecurityLevel verify(Air air, byte[] proof, StarkSecurity floor)
      throws MalformedProofException, ProofRejectedException {
    if (proof.length > MAX_PROOF_BYTES) {
      throw new MalformedProofException(
          "proof of " + proof.length + " bytes exceeds the limit of " + MAX_PROOF_BYTES);
    }
    int n = air.traceLength();
    int w = air.width();
    Codec.Reader r = new Codec.Reader(proof);
    if (!Arrays.equals(r.bytes(8, "magic"), Protocol.MAGIC)) {
      throw new MalformedProofException("not a pqzk STARK proof (bad magic or version)");
    }
    StarkOptions opt;
    try {
      opt = StarkOptions.decode(r.bytes(7, "options"));
    } catch (IllegalArgumentException e) {
      throw new MalformedProofException("unsupported parameter set: " + e.getMessage(), e);
    }
    int seg;
    int stride;
    try {
      seg = Protocol.numSegments(air, opt);
      stride = Protocol.segmentStride(air, opt);
    } catch (IllegalArgumentException e) {
      throw new MalformedProofException("parameter set does not fit the statement: "
          + e.getMessage(), e);
    }
    if (seg > 255) {
      throw new MalformedProofException("parameter set needs " + seg + " composition segments");
    }
    int logN = r.u8("trace length");
    int pw = r.u16("width");
    int ps = r.u8("segments");
    if (logN != Integer.numberOfTrailingZeros(n) || pw != w || ps != seg) {
      throw new MalformedProofException("proof shape (trace 2^" + logN + ", width " + pw
          + ", segments " + ps + ") does not match the statement's AIR (trace " + n + ", width "
          + w + ", segments " + seg + ")");
    }
    if (opt.blowup() < air.maxDegree()) {
      throw new MalformedProofException("blowup " + opt.blowup()
          + " is below the AIR's constraint degree " + air.maxDegree());
    }
    SecurityLevel level = StarkSecurity.estimate(opt, n);
    if (!floor.accepts(level)) {
      throw new ProofRejectedException("proof parameters give " + level
          + ", below the floor of " + floor.minProvenBits() + " proven / "
          + floor.minConjecturedBits() + " conjectured bits");
    }
    int bigN = n * opt.blowup();
    int logBig = Integer.numberOfTrailingZeros(bigN);
    int f = opt.folding();
    int expectedLayers = 0;
    int degree = n;
    while (degree > opt.maxRemainderDegree() + 1) {
      degree /= f;
      expectedLayers++;
    }

    byte[] tRoot = r.bytes(32, "trace root");
    byte[] cRoot = r.bytes(32, "composition root");
    Ext3[] tz = exts(r, w, "trace at z");
    Ext3[] tgz = exts(r, w, "trace at g*z");
    Ext3[] hz = exts(r, seg, "composition at z");
    int layers = r.u8("FRI layer count");
    if (layers != expectedLayers) {
      throw new MalformedProofException("FRI layer count " + layers + ", expected "
          + expectedLayers);
    }
    byte[][] friRoots = new byte[layers][];
    for (int l = 0; l < layers; l++) {
      friRoots[l] = r.bytes(32, "FRI root");
    }
    int remLen = r.u8("remainder length");
    if (remLen != degree) {
      throw new MalformedProofException("remainder of " + remLen + " coefficients, expected "
          + degree);
    }
    Ext3[] remainder = exts(r, remLen, "FRI remainder");
    long nonce = r.rawLong("grinding nonce");
    int u = r.u16("query count");
    if (u < 1 || u > opt.queries()) {
      throw new MalformedProofException("query count " + u + " outside [1, " + opt.queries()
          + "]");
    }
    byte[][] tRows = new byte[u][];
    byte[][] tSalts = new byte[u][];
    long[][] tVals = new long[u][];
    for (int q = 0; q < u; q++) {
      tVals[q] = bases(r, w, "trace opening");
      tRows[q] = encode(tVals[q]);
      tSalts[q] = r.bytes(MerkleTree.SALT, "trace salt");
    }
    List<byte[]> tPath = batchPath(r, u * logBig);
    int cw = 3 * (seg + 1);
    byte[][] cRows = new byte[u][];
    byte[][] cSalts = new byte[u][];
    long[][] cVals = new long[u][];
    for (int q = 0; q < u; q++) {
      cVals[q] = bases(r, cw, "composition opening");
      cRows[q] = encode(cVals[q]);
      cSalts[q] = r.bytes(MerkleTree.SALT, "composition salt");
    }
    List<byte[]> cPath = batchPath(r, u * logBig);
    Ext3[][][] groups = new Ext3[layers][][];
    List<List<byte[]>> gPaths = new java.util.ArrayList<>();
    int m = bigN;
    for (int l = 0; l < layers; l++) {
      int count = r.u16("FRI group count");
      if (count < 1 || count > u) {
        throw new MalformedProofException("FRI layer " + l + " opens " + count + " groups");
      }
      int depth = Integer.numberOfTrailingZeros(m / f);
      groups[l] = new Ext3[count][];
      for (int k = 0; k < count; k++) {
        groups[l][k] = exts(r, f, "FRI group");
      }
      gPaths.add(batchPath(r, count * depth));
      m /= f;
    }
    r.end();

    // Replay the transcript.
    Transcript tr = new Transcript(Protocol.DOMAIN);
    tr.absorb("options", opt.encode());
    tr.absorb("air", air.identity());
    tr.absorb("trace-root", tRoot);
    List<Air.Assertion> asserts = air.assertions();
    Ext3[] alpha = tr.drawExt(air.numConstraints() + asserts.size());
    tr.absorb("composition-root", cRoot);
    Ext3 z = Protocol.drawOod(tr, n, bigN);
    tr.absorbExt("ood-trace-z", tz);
    tr.absorbExt("ood-trace-gz", tgz);
    tr.absorbExt("ood-composition-z", hz);
    Ext3[] gamma = tr.drawExt(2 * w + seg);
    Ext3[] betas = new Ext3[layers];
    for (int l = 0; l < layers; l++) {
      tr.absorb("fri-root", friRoots[l]);
      betas[l] = tr.drawExt();
    }
    tr.absorbExt("fri-remainder", remainder);
    boolean powOk = Transcript.powOk(tr.state(), nonce, opt.grindingBits());
    tr.absorb("pow-nonce", Transcript.longLe(nonce));
    int[] positions = Protocol.queries(tr, opt.queries(), logBig);

    // Every check is computed; failures are collected, then reported together.
    StringBuilder fail = new StringBuilder();
    if (!powOk) {
      fail.append("proof-of-work; ");
    }
    if (positions.length != u) {
      // any change to the statement, parameters or an earlier message changes the positions
      throw new ProofRejectedException("proof does not match this statement: it opens " + u
          + " query positions where the transcript asks for " + positions.length);
    }
    if (!oodConsistent(air, z, tz, tgz, hz, alpha, asserts, stride)) {
      fail.append("out-of-domain constraint check; ");
    }
    long omega = Goldilocks.rootOfUnity(logBig);
    Ext3 gzv = z.mulBase(air.traceGenerator());
    boolean[] okQ = new boolean[u];
    Ext3[] dQ = new Ext3[u];
    byte[][] tLeafDigests = new byte[u][];
    byte[][] cLeafDigests = new byte[u][];
    java.util.stream.IntStream.range(0, u).parallel().forEach(q -> {
      int p = positions[q];
      tLeafDigests[q] = MerkleTree.leafHash(tRows[q], tSalts[q]);
      cLeafDigests[q] = MerkleTree.leafHash(cRows[q], cSalts[q]);
      boolean ok = true;
      Ext3 x = Ext3.base(Goldilocks.mul(Protocol.SHIFT, Goldilocks.pow(omega, p)));
      dQ[q] = Protocol.deepAt(tVals[q], cVals[q], x.sub(z).inv(), x.sub(gzv).inv(), tz, tgz,
          hz, gamma, w, seg);
      okQ[q] = ok;
    });
    Map<Integer, Ext3> expected = new HashMap<>();
    boolean merkleOk = rootMatches(tRoot,
        MerkleTree.batchRoot(positions, tLeafDigests, tPath, logBig))
        & rootMatches(cRoot, MerkleTree.batchRoot(positions, cLeafDigests, cPath, logBig));
    for (int q = 0; q < u; q++) {
      merkleOk &= okQ[q];
      expected.put(positions[q], dQ[q]);
    }
    if (!merkleOk) {
      fail.append("trace/composition Merkle openings; ");
    }
    int[] pos = positions;
    m = bigN;
    long offset = Protocol.SHIFT;
    boolean friOk = true;
    for (int l = 0; l < layers; l++) {
      int g = m / f;
      int[] idx = Protocol.distinctMod(pos, g);
      if (idx.length != groups[l].length) {
        throw new ProofRejectedException("FRI layer " + l + " opens " + groups[l].length
            + " groups, the queries need " + idx.length);
      }
      long omegaM = Goldilocks.rootOfUnity(Integer.numberOfTrailingZeros(m));
      long zetaInv = Goldilocks.inv(Goldilocks.pow(omegaM, g));
      Map<Integer, Ext3> nextExpected = new HashMap<>();
      Map<Integer, Integer> slot = new HashMap<>();
      for (int k = 0; k < idx.length; k++) {
        slot.put(idx[k], k);
      }
      for (Map.Entry<Integer, Ext3> e : expected.entrySet()) {
        int p = e.getKey();
        Ext3[] grp = groups[l][slot.get(p % g)];
        friOk &= grp[p / g].equals(e.getValue());
      }
      byte[][] leafDigests = new byte[idx.length][];
      for (int k = 0; k < idx.length; k++) {
        leafDigests[k] = MerkleTree.leafHash(Fri.leaf(groups[l][k]), null);
      }
      friOk &= rootMatches(friRoots[l], MerkleTree.batchRoot(idx, leafDigests, gPaths.get(l),
          Integer.numberOfTrailingZeros(g)));
      for (int k = 0; k < idx.length; k++) {
        int j = idx[k];
        long xj = Goldilocks.mul(offset, Goldilocks.pow(omegaM, j));
        nextExpected.put(j, Fri.fold(groups[l][k], xj, zetaInv, betas[l]));
      }
      expected = nextExpected;
      pos = idx;
      m = g;
      offset = Goldilocks.pow(offset, f);
    }
    long omegaLast = Goldilocks.rootOfUnity(Integer.numberOfTrailingZeros(m));
    for (Map.Entry<Integer, Ext3> e : expected.entrySet()) {
      long y = Goldilocks.mul(offset, Goldilocks.pow(omegaLast, e.getKey()));
      Ext3 v = Ext3.ZERO;
      for (int i = remainder.length - 1; i >= 0; i--) {
        v = v.mulBase(y).add(remainder[i]);
      }
      friOk &= v.equals(e.getValue());
    }
    if (!friOk) {
      fail.append("FRI consistency; ");
    }
    if (fail.length() > 0) {
      throw new ProofRejectedException("STARK proof rejected: " + fail.substring(0,
          fail.length() - 2) + " failed");
    }
    return level;
  }

  static boolean oodConsistent(Air air, Ext3 z, Ext3[] tz, Ext3[] tgz, Ext3[] hz, Ext3[] alpha,
      List<Air.Assertion> asserts, int stride) {
    int n = air.traceLength();
    long g = air.traceGenerator();
    long[][] pc = air.periodicCoefficients();
    Ext3[] per = new Ext3[pc.length];
    for (int k = 0; k < pc.length; k++) {
      per[k] = Ntt.evaluate(pc[k], z);
    }
    Ext3[] out = new Ext3[air.numConstraints()];
    air.evaluate(tz, tgz, per, out);
    Ext3 acc = Ext3.ZERO;
    for (int j = 0; j < out.length; j++) {
      acc = acc.add(out[j].mul(alpha[j]));
    }
    Ext3 zn = z.pow(n);
    acc = acc.mul(z.sub(Ext3.base(Goldilocks.pow(g, n - 1)))).mul(zn.sub(Ext3.ONE).inv());
    for (int k = 0; k < asserts.size(); k++) {
      Air.Assertion a = asserts.get(k);
      Ext3 num = tz[a.column()].sub(Ext3.base(a.value()));
      Ext3 den = z.sub(Ext3.base(Goldilocks.pow(g, a.row())));
      acc = acc.add(alpha[out.length + k].mul(num).mul(den.inv()));
    }
    Ext3 h = Ext3.ZERO;
    Ext3 zPow = Ext3.ONE;
    Ext3 zm = z.pow(stride);
    for (Ext3 v : hz) {
      h = h.add(v.mul(zPow));
      zPow = zPow.mul(zm);
    }
    byte[] a1 = new byte[24];
    byte[] b1 = new byte[24];
    Codec.putExt(a1, 0, acc);
    Codec.putExt(b1, 0, h);
    return MessageDigest.isEqual(a1, b1);
  }

  private static Ext3[] exts(Codec.Reader r, int count, String what)
      throws MalformedProofException {
    Ext3[] v = new Ext3[count];
    for (int i = 0; i < count; i++) {
      v[i] = r.ext(what);
    }
    return v;
  }

  private static long[] bases(Codec.Reader r, int count, String what)
      throws MalformedProofException {
    long[] v = new long[count];
    for (int i = 0; i < count; i++) {
      v[i] = r.base(what);
    }
    return v;
  }

  private static byte[] encode(long[] v) {
    byte[] b = new byte[8 * v.length];
    for (int i = 0; i < v.length; i++) {
      Codec.putLong(b, 8 * i, v[i]);
    }
    return b;
  }

  private static boolean rootMatches(byte[] root, byte[] computed) {
    return computed != null && MessageDigest.isEqual(root, computed);
  }

  /** A batched Merkle path: u16 count (at most {@code max}), then the digests. */
  private static List<byte[]> batchPath(Codec.Reader r, int max)
      throws MalformedProofException {
    int count = r.u16("Merkle path length");
    if (count > max) {
      throw new MalformedProofException("Merkle path of " + count + " digests, at most " + max);
    }
    List<byte[]> p = new java.util.ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      p.add(r.bytes(32, "Merkle path"));
    }
    return p;
  }

  private static byte[][] path(Codec.Reader r, int depth) throws MalformedProofException {
    byte[][] p = new byte[depth][];
    for (int i = 0; i < depth; i++) {
      p[i] = r.bytes(32, "Merkle path");
    }
    return p;
  }
}
