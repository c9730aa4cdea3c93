package io.pqzk.zk.stark;

import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.ProofRejectedException;
import io.pqzk.zk.stark.field.Ext3;
import io.pqzk.zk.stark.internal.Codec;
import io.pqzk.zk.stark.internal.MerkleTree;
import java.util.ArrayList;
import java.util.List;

/**
 * A proof read in full, in the layout of {@link StarkVerifier}, before any check: every count is
 * bounded by what the options allow for the AIR, every field element is canonical, and no byte
 * is left over; otherwise {@link MalformedProofException} names what is wrong and where.
 */
final class ParsedProof {
  byte[] traceRoot;
  byte[] compositionRoot;
  Ext3[] tz;
  Ext3[] tgz;
  Ext3[] hz;
  byte[][] friRoots;
  Ext3[] remainder;
  long nonce;
  long[][] traceValues;
  byte[][] traceRows;
  byte[][] traceSalts;
  List<byte[]> tracePath;
  long[][] compValues;
  byte[][] compRows;
  byte[][] compSalts;
  List<byte[]> compPath;
  Ext3[][][] groups;
  List<List<byte[]>> groupPaths = new ArrayList<>();

  private ParsedProof() {}

  int queryCount() {
    return traceRows.length;
  }

  /**
   * @throws ProofRejectedException when the proof's shape (trace length, width, segments) is not
   *     the statement's: a proof of another statement (another predicate count, depth...)
   */
  static ParsedProof parse(byte[] proof, Air air, StarkOptions opt, int seg)
      throws MalformedProofException, ProofRejectedException {
    int n = air.traceLength();
    int w = air.width();
    int bigN = n * opt.blowup();
    int logBig = Integer.numberOfTrailingZeros(bigN);
    Codec.Reader r = new Codec.Reader(proof);
    r.bytes(8 + 7, "header");
    int logN = r.u8("trace length");
    int pw = r.u16("width");
    int ps = r.u8("segments");
    if (logN != Integer.numberOfTrailingZeros(n) || pw != w || ps != seg) {
      throw new ProofRejectedException("proof is not for this statement: its shape (trace 2^"
          + logN + ", width " + pw
          + ", segments " + ps + ") does not match the statement's AIR (trace " + n + ", width "
          + w + ", segments " + seg + ")");
    }
    ParsedProof p = new ParsedProof();
    p.traceRoot = r.bytes(MerkleTree.DIGEST, "trace root");
    p.compositionRoot = r.bytes(MerkleTree.DIGEST, "composition root");
    p.tz = exts(r, w, "trace at z");
    p.tgz = exts(r, w, "trace at g*z");
    p.hz = exts(r, seg, "composition at z");
    int layers = r.u8("FRI layer count");
    if (layers != opt.friLayers(n)) {
      throw new MalformedProofException("FRI layer count " + layers + ", expected "
          + opt.friLayers(n));
    }
    p.friRoots = new byte[layers][];
    for (int l = 0; l < layers; l++) {
      p.friRoots[l] = r.bytes(MerkleTree.DIGEST, "FRI root");
    }
    int remLen = r.u16("remainder length");
    if (remLen != opt.remainderLength(n)) {
      throw new MalformedProofException("remainder of " + remLen + " coefficients, expected "
          + opt.remainderLength(n));
    }
    p.remainder = exts(r, remLen, "FRI remainder");
    p.nonce = r.rawLong("grinding nonce");
    int u = r.u16("query count");
    if (u < 1 || u > opt.queries()) {
      throw new MalformedProofException("query count " + u + " outside [1, " + opt.queries()
          + "]");
    }
    p.traceValues = new long[u][];
    p.traceRows = new byte[u][];
    p.traceSalts = new byte[u][];
    for (int q = 0; q < u; q++) {
      p.traceValues[q] = bases(r, w, "trace opening");
      p.traceRows[q] = encode(p.traceValues[q]);
      p.traceSalts[q] = r.bytes(MerkleTree.SALT, "trace salt");
    }
    p.tracePath = path(r, MerkleTree.maxBatchPath(u, logBig));
    int cw = Protocol.compositionWidth(seg);
    p.compValues = new long[u][];
    p.compRows = new byte[u][];
    p.compSalts = new byte[u][];
    for (int q = 0; q < u; q++) {
      p.compValues[q] = bases(r, cw, "composition opening");
      p.compRows[q] = encode(p.compValues[q]);
      p.compSalts[q] = r.bytes(MerkleTree.SALT, "composition salt");
    }
    p.compPath = path(r, MerkleTree.maxBatchPath(u, logBig));
    int f = opt.folding();
    p.groups = new Ext3[layers][][];
    int depth = logBig;
    for (int l = 0; l < layers; l++) {
      depth -= Integer.numberOfTrailingZeros(f);
      int count = r.u16("FRI group count");
      if (count < 1 || count > u) {
        throw new MalformedProofException("FRI layer " + l + " opens " + count + " groups");
      }
      p.groups[l] = new Ext3[count][];
      for (int k = 0; k < count; k++) {
        p.groups[l][k] = exts(r, f, "FRI group");
      }
      p.groupPaths.add(path(r, MerkleTree.maxBatchPath(count, depth)));
    }
    r.end();
    return p;
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

  /** A batched Merkle path: u16 count (at most {@code max}), then the digests. */
  private static List<byte[]> path(Codec.Reader r, int max) throws MalformedProofException {
    int count = r.u16("Merkle path length");
    if (count > max) {
      throw new MalformedProofException("Merkle path of " + count + " digests, at most " + max);
    }
    List<byte[]> p = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      p.add(r.bytes(MerkleTree.DIGEST, "Merkle path"));
    }
    return p;
  }
}
