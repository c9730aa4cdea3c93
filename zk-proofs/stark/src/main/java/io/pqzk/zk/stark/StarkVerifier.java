package io.pqzk.zk.stark;

import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.ProofRejectedException;
import io.pqzk.zk.stark.field.Ext3;
import io.pqzk.zk.stark.field.Goldilocks;
import io.pqzk.zk.stark.internal.Codec;
import io.pqzk.zk.stark.internal.MerkleTree;
import io.pqzk.zk.stark.internal.Transcript;
import io.pqzk.zk.stark.security.SecurityLevel;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * The STARK verifier. Proof layout (all integers little-endian, field elements canonical):
 * magic "PQZKSTK2", options (7 bytes, {@link StarkOptions#encode()}), log2 trace length (u8),
 * width (u16), segments (u8), trace root, composition root (32 bytes each), trace at z, trace at
 * g*z, segments at z (extension elements), FRI layer count (u8) and roots, remainder length
 * (u16) and coefficients, grinding nonce (8 bytes), distinct query count (u16), per query the
 * trace row (values, 32-byte salt) then one batched Merkle path (u16 count, digests), per query
 * the composition row (segments then mask, salt) then its batched path, per FRI layer a group
 * count (u16), per group its F values, then the layer's batched path. A batched path holds,
 * level by level and left to right, each sibling the verifier cannot compute from the opened
 * leaves.
 *
 * <p>Before any other work the verifier refuses a proof above {@link #MAX_PROOF_BYTES}, one
 * naming an option set it does not accept ({@link StarkAcceptance}), and one longer than that
 * set allows for the AIR ({@link #maxProofBytes}). The whole proof is then parsed (so
 * truncated, oversized or non-canonical input is {@link MalformedProofException}), the
 * transcript replayed and every check computed; any failure is {@link ProofRejectedException}.
 * Single-threaded: many proofs verify side by side on all cores ({@code io.pqzk.zk.ClaimBatch}).
 */
public final class StarkVerifier {
  /** Largest input looked at, whatever the options (far above any accepted set's proofs). */
  public static final int MAX_PROOF_BYTES = 1 << 20;

  private StarkVerifier() {}

  /**
   * The option set a proof names (its first 15 bytes), for callers whose AIR depends on it.
   *
   * @throws MalformedProofException when the bytes do not start like a proof of this format
   */
  public static StarkOptions readOptions(byte[] proof) throws MalformedProofException {
    Codec.Reader r = new Codec.Reader(proof);
    if (!Arrays.equals(r.bytes(8, "magic"), Protocol.MAGIC)) {
      throw new MalformedProofException("not a pqzk STARK proof (bad magic or version)");
    }
    try {
      return StarkOptions.decode(r.bytes(7, "options"));
    } catch (IllegalArgumentException e) {
      throw new MalformedProofException("unsupported parameter set: " + e.getMessage(), e);
    }
  }

  /** The largest proof {@code opt} allows for {@code air}: every count at its maximum. */
  public static long maxProofBytes(Air air, StarkOptions opt) {
    return Protocol.maxProofBytes(air, opt);
  }

  /**
   * Verifies; returns the (classical) security level of the proof's parameters.
   *
   * @throws UnacceptedOptionsException when the proof names a set {@code acceptance} lacks
   * @throws MalformedProofException for bytes that are not a well-formed proof for this AIR
   * @throws ProofRejectedException when a check fails
   */
  public static SecurityLevel verify(Air air, byte[] proof, StarkAcceptance acceptance)
      throws MalformedProofException, ProofRejectedException {
    if (proof.length > MAX_PROOF_BYTES) {
      throw new MalformedProofException(
          "proof of " + proof.length + " bytes exceeds the limit of " + MAX_PROOF_BYTES);
    }
    StarkOptions opt = readOptions(proof);
    acceptance.require(opt);
    long limit = maxProofBytes(air, opt);
    if (proof.length > limit) {
      throw new MalformedProofException("proof of " + proof.length + " bytes is longer than "
          + limit + ", the most parameter set " + opt + " allows for this statement");
    }
    int n = air.traceLength();
    int w = air.width();
    if (opt.blowup() < air.maxDegree()) {
      throw new MalformedProofException("blowup " + opt.blowup()
          + " is below the AIR's constraint degree " + air.maxDegree());
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
    SecurityLevel level = StarkSecurity.estimate(opt, n);
    if (!acceptance.floor().accepts(level)) {
      throw new ProofRejectedException("proof parameters give " + level
          + ", below the floor of " + acceptance.floor().minProvenBits() + " proven / "
          + acceptance.floor().minConjecturedBits() + " conjectured bits");
    }
    ParsedProof p = ParsedProof.parse(proof, air, opt, seg);
    check(air, opt, p, seg, stride);
    return level;
  }

  private static void check(Air air, StarkOptions opt, ParsedProof p, int seg, int stride)
      throws ProofRejectedException {
    int n = air.traceLength();
    int w = air.width();
    int bigN = n * opt.blowup();
    int logBig = Integer.numberOfTrailingZeros(bigN);
    CommitmentHash hash = opt.hash();
    Transcript tr = new Transcript(Protocol.DOMAIN, hash);
    tr.absorb("options", opt.encode());
    tr.absorb("air", air.identity());
    tr.absorb("trace-root", p.traceRoot);
    List<Air.Assertion> asserts = air.assertions();
    Ext3[] alpha = tr.drawExt(air.numConstraints() + asserts.size());
    tr.absorb("composition-root", p.compositionRoot);
    Ext3 z = Protocol.drawOod(tr, n, bigN);
    tr.absorbExt("ood-trace-z", p.tz);
    tr.absorbExt("ood-trace-gz", p.tgz);
    tr.absorbExt("ood-composition-z", p.hz);
    Protocol.Deep deep = Protocol.Deep.of(tr.drawExt(2 * w + seg), p.tz, p.tgz, p.hz, w, seg);
    Ext3[] betas = new Ext3[p.friRoots.length];
    for (int l = 0; l < betas.length; l++) {
      tr.absorb("fri-root", p.friRoots[l]);
      betas[l] = tr.drawExt();
    }
    tr.absorbExt("fri-remainder", p.remainder);
    boolean powOk = Transcript.powOk(tr.state(), p.nonce, opt.grindingBits());
    tr.absorb("pow-nonce", Transcript.longLe(p.nonce));
    int[] positions = Protocol.queries(tr, opt.queries(), logBig);
    if (positions.length != p.queryCount()) {
      // any change to the statement, parameters or an earlier message changes the positions
      throw new ProofRejectedException("proof does not match this statement: it opens "
          + p.queryCount() + " query positions where the transcript asks for "
          + positions.length);
    }

    // Every check is computed; failures are collected, then reported together.
    StringBuilder fail = new StringBuilder();
    if (!powOk) {
      fail.append("proof-of-work; ");
    }
    if (!oodConsistent(air, z, p.tz, p.tgz, p.hz, alpha, asserts, stride)) {
      fail.append("out-of-domain constraint check; ");
    }
    int u = positions.length;
    long omega = Goldilocks.rootOfUnity(logBig);
    Ext3 gz = z.mulBase(air.traceGenerator());
    long[] xs = new long[u];
    Ext3[] dz = new Ext3[2 * u];
    for (int q = 0; q < u; q++) {
      xs[q] = Goldilocks.mul(Protocol.SHIFT, Goldilocks.pow(omega, positions[q]));
      dz[q] = Ext3.base(xs[q]).sub(z);
      dz[u + q] = Ext3.base(xs[q]).sub(gz);
    }
    Ext3[] inv = Ext3.batchInv(dz);
    Ext3[] deepAt = new Ext3[u];
    byte[][] tLeaves = new byte[u][];
    byte[][] cLeaves = new byte[u][];
    for (int q = 0; q < u; q++) {
      tLeaves[q] = MerkleTree.leafHash(hash, p.traceRows[q], p.traceSalts[q]);
      cLeaves[q] = MerkleTree.leafHash(hash, p.compRows[q], p.compSalts[q]);
      deepAt[q] = deep.at(p.traceValues[q], p.compValues[q], inv[q], inv[u + q]);
    }
    boolean merkleOk = rootMatches(p.traceRoot,
        MerkleTree.batchRoot(hash, positions, tLeaves, p.tracePath, logBig))
        & rootMatches(p.compositionRoot,
            MerkleTree.batchRoot(hash, positions, cLeaves, p.compPath, logBig));
    if (!merkleOk) {
      fail.append("trace/composition Merkle openings; ");
    }
    if (!FriVerifier.check(opt, p, positions, xs, deepAt, betas, bigN, hash)) {
      fail.append("FRI consistency; ");
    }
    if (fail.length() > 0) {
      throw new ProofRejectedException("STARK proof rejected: " + fail.substring(0,
          fail.length() - 2) + " failed");
    }
  }

  static boolean oodConsistent(Air air, Ext3 z, Ext3[] tz, Ext3[] tgz, Ext3[] hz, Ext3[] alpha,
      List<Air.Assertion> asserts, int stride) {
    int n = air.traceLength();
    long g = air.traceGenerator();
    Ext3[] per = air.periodicAt(z);
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

  static boolean rootMatches(byte[] root, byte[] computed) {
    return computed != null && MessageDigest.isEqual(root, computed);
  }
}
