package io.pqzk.zk.stark;

import io.pqzk.zk.stark.field.Ext3;
import io.pqzk.zk.stark.field.Goldilocks;
import io.pqzk.zk.stark.internal.Fri;
import io.pqzk.zk.stark.internal.MerkleTree;
import java.util.HashMap;
import java.util.Map;

/**
 * The verifier's FRI query phase (ePrint 2022/1216, section 3): the DEEP values computed from
 * the openings must match the opened first-layer groups, each layer's groups must be in its
 * Merkle tree, each fold must match the next layer, and the last values must be the remainder's
 * evaluations. With no folding round the DEEP value at each query point is checked against the
 * remainder (the DEEP polynomial itself) directly. Every check is computed before the result.
 */
final class FriVerifier {
  private FriVerifier() {}

  static boolean check(StarkOptions opt, ParsedProof p, int[] positions, long[] xs,
      Ext3[] deepAt, Ext3[] betas, int bigN, CommitmentHash hash) {
    int layers = p.friRoots.length;
    boolean ok = true;
    if (layers == 0) {
      for (int q = 0; q < positions.length; q++) {
        ok &= evaluate(p.remainder, xs[q]).equals(deepAt[q]);
      }
      return ok;
    }
    int f = opt.folding();
    Map<Integer, Ext3> expected = new HashMap<>();
    for (int q = 0; q < positions.length; q++) {
      expected.put(positions[q], deepAt[q]);
    }
    int[] pos = positions;
    int m = bigN;
    long offset = Protocol.SHIFT;
    for (int l = 0; l < layers; l++) {
      int g = m / f;
      int[] idx = Protocol.distinctMod(pos, g);
      if (idx.length != p.groups[l].length) {
        return false;
      }
      long omegaM = Goldilocks.rootOfUnity(Integer.numberOfTrailingZeros(m));
      long zetaInv = Goldilocks.inv(Goldilocks.pow(omegaM, g));
      Map<Integer, Integer> slot = new HashMap<>();
      for (int k = 0; k < idx.length; k++) {
        slot.put(idx[k], k);
      }
      for (Map.Entry<Integer, Ext3> e : expected.entrySet()) {
        int at = e.getKey();
        ok &= p.groups[l][slot.get(at % g)][at / g].equals(e.getValue());
      }
      byte[][] leaves = new byte[idx.length][];
      for (int k = 0; k < idx.length; k++) {
        leaves[k] = MerkleTree.leafHash(hash, Fri.leaf(p.groups[l][k]), null);
      }
      ok &= StarkVerifier.rootMatches(p.friRoots[l], MerkleTree.batchRoot(hash, idx, leaves,
          p.groupPaths.get(l), Integer.numberOfTrailingZeros(g)));
      Map<Integer, Ext3> next = new HashMap<>();
      for (int k = 0; k < idx.length; k++) {
        long xj = Goldilocks.mul(offset, Goldilocks.pow(omegaM, idx[k]));
        next.put(idx[k], Fri.fold(p.groups[l][k], xj, zetaInv, betas[l]));
      }
      expected = next;
      pos = idx;
      m = g;
      offset = Goldilocks.pow(offset, f);
    }
    long omegaLast = Goldilocks.rootOfUnity(Integer.numberOfTrailingZeros(m));
    for (Map.Entry<Integer, Ext3> e : expected.entrySet()) {
      long y = Goldilocks.mul(offset, Goldilocks.pow(omegaLast, e.getKey()));
      ok &= evaluate(p.remainder, y).equals(e.getValue());
    }
    return ok;
  }

  /** Horner at a base-field point. */
  static Ext3 evaluate(Ext3[] coeffs, long x) {
    long a0 = 0;
    long a1 = 0;
    long a2 = 0;
    for (int i = coeffs.length - 1; i >= 0; i--) {
      a0 = Goldilocks.add(Goldilocks.mul(a0, x), coeffs[i].a0);
      a1 = Goldilocks.add(Goldilocks.mul(a1, x), coeffs[i].a1);
      a2 = Goldilocks.add(Goldilocks.mul(a2, x), coeffs[i].a2);
    }
    return Ext3.of(a0, a1, a2);
  }
}
