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
      Ext3[] at = evaluate(p.remainder, xs);
      for (int q = 0; q < positions.length; q++) {
        ok &= at[q].equals(deepAt[q]);
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
    long[] ys = new long[expected.size()];
    Ext3[] want = new Ext3[ys.length];
    int k = 0;
    for (Map.Entry<Integer, Ext3> e : expected.entrySet()) {
      ys[k] = Goldilocks.mul(offset, Goldilocks.pow(omegaLast, e.getKey()));
      want[k++] = e.getValue();
    }
    Ext3[] got = evaluate(p.remainder, ys);
    for (int i = 0; i < ys.length; i++) {
      ok &= got[i].equals(want[i]);
    }
    return ok;
  }

  /**
   * Horner at every base-field point at once: the points' chains are independent, so the loop
   * over points inside the loop over coefficients runs at the multiplier's throughput rather than
   * its latency.
   */
  static Ext3[] evaluate(Ext3[] coeffs, long[] xs) {
    int m = xs.length;
    long[] a0 = new long[m];
    long[] a1 = new long[m];
    long[] a2 = new long[m];
    for (int i = coeffs.length - 1; i >= 0; i--) {
      Ext3 c = coeffs[i];
      for (int q = 0; q < m; q++) {
        long x = xs[q];
        a0[q] = Goldilocks.add(Goldilocks.mul(a0[q], x), c.a0);
        a1[q] = Goldilocks.add(Goldilocks.mul(a1[q], x), c.a1);
        a2[q] = Goldilocks.add(Goldilocks.mul(a2[q], x), c.a2);
      }
    }
    Ext3[] out = new Ext3[m];
    for (int q = 0; q < m; q++) {
      out[q] = Ext3.of(a0[q], a1[q], a2[q]);
    }
    return out;
  }
}
