package io.pqzk.zk.stark;

import io.pqzk.zk.stark.field.Ext3;
import io.pqzk.zk.stark.field.Goldilocks;
import io.pqzk.zk.stark.field.Ntt;
import io.pqzk.zk.stark.internal.Codec;
import io.pqzk.zk.stark.internal.Fri;
import io.pqzk.zk.stark.internal.MerkleTree;
import io.pqzk.zk.stark.internal.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The prover's FRI (ePrint 2022/1216, section 3) on the DEEP polynomial D (degree below n): fold
 * by the options' factor while the degree bound exceeds the remainder's, committing each layer
 * (groups of {@code folding} values per Merkle leaf), then send the remainder's coefficients.
 * With no folding round (n at most the remainder's bound) D itself is the remainder: it is
 * evaluated on n points only (the sub-coset shift * <omega_n> of the LDE domain) and
 * interpolated, and every query checks D at its point directly.
 */
final class FriProver {
  private FriProver() {}

  /** The committed layers and the remainder. */
  static final class Result {
    private final List<MerkleTree> trees = new ArrayList<>();
    private final List<Ext3[]> layers = new ArrayList<>();
    private final int folding;
    private Ext3[] remainder;

    private Result(int folding) {
      this.folding = folding;
    }

    /** Layer count, roots, remainder length and coefficients. */
    void writeCommitments(Codec.Writer out) {
      out.u8(trees.size());
      for (MerkleTree t : trees) {
        out.bytes(t.root());
      }
      out.u16(remainder.length);
      for (Ext3 e : remainder) {
        out.ext(e);
      }
    }

    /** Per layer: the groups the queries reach and their batched path. */
    void writeQueries(Codec.Writer out, int[] positions) {
      int[] pos = positions;
      for (int l = 0; l < trees.size(); l++) {
        Ext3[] layer = layers.get(l);
        int groups = layer.length / folding;
        int[] idx = Protocol.distinctMod(pos, groups);
        out.u16(idx.length);
        for (int j : idx) {
          for (Ext3 e : Protocol.group(layer, j, folding)) {
            out.ext(e);
          }
        }
        StarkProver.writePath(out, trees.get(l).batchPath(idx));
        pos = idx;
      }
    }
  }

  static Result commit(Transcript tr, StarkOptions opt, int n, int bigN, long[][] tLde,
      long[][] cLde, Ext3 z, Ext3 gz, Protocol.Deep deep) {
    int f = opt.folding();
    Result r = new Result(f);
    int layers = opt.friLayers(n);
    if (layers == 0) {
      int b = bigN / n;
      Ext3[] d = deepOn(tLde, cLde, n, b, z, gz, deep);
      r.remainder = interpolate(d, Protocol.SHIFT, n);
      tr.absorbExt("fri-remainder", r.remainder);
      return r;
    }
    Ext3[] cur = deepOn(tLde, cLde, bigN, 1, z, gz, deep);
    long offset = Protocol.SHIFT;
    int degree = n;
    for (int l = 0; l < layers; l++) {
      int m = cur.length;
      int groups = m / f;
      Ext3[] layer = cur;
      MerkleTree t = MerkleTree.build(opt.hash(), groups, 24 * f, (j, buf, off) -> {
        Ext3[] g = Protocol.group(layer, j, f);
        for (int k = 0; k < f; k++) {
          Codec.putExt(buf, off + 24 * k, g[k]);
        }
      }, null);
      r.trees.add(t);
      r.layers.add(layer);
      tr.absorb("fri-root", t.root());
      Ext3 beta = tr.drawExt();
      long omegaM = Goldilocks.rootOfUnity(Integer.numberOfTrailingZeros(m));
      long zetaInv = Goldilocks.inv(Goldilocks.pow(omegaM, groups));
      Ext3[] next = new Ext3[groups];
      long off = offset;
      IntStream.range(0, groups).parallel().forEach(j -> next[j] = Fri.fold(
          Protocol.group(layer, j, f), Goldilocks.mul(off, Goldilocks.pow(omegaM, j)), zetaInv,
          beta));
      cur = next;
      offset = Goldilocks.pow(offset, f);
      degree /= f;
    }
    r.remainder = interpolate(cur, offset, degree);
    tr.absorbExt("fri-remainder", r.remainder);
    return r;
  }

  /**
   * D at the points shift * omega_N^(i * stride) for i < count (stride 1: the whole LDE domain;
   * stride b with count n: the sub-coset shift * <omega_n>).
   */
  private static Ext3[] deepOn(long[][] tLde, long[][] cLde, int count, int stride, Ext3 z,
      Ext3 gz, Protocol.Deep deep) {
    int bigN = tLde[0].length;
    long omega = Goldilocks.rootOfUnity(Integer.numberOfTrailingZeros(bigN / stride));
    Ext3[] dz = new Ext3[count];
    Ext3[] dgz = new Ext3[count];
    long x = Protocol.SHIFT;
    for (int i = 0; i < count; i++) {
      dz[i] = Ext3.base(x).sub(z);
      dgz[i] = Ext3.base(x).sub(gz);
      x = Goldilocks.mul(x, omega);
    }
    Ext3[] iz = Ext3.batchInv(dz);
    Ext3[] igz = Ext3.batchInv(dgz);
    Ext3[] d = new Ext3[count];
    IntStream.range(0, count).parallel().forEach(i -> {
      int at = i * stride;
      long[] trow = new long[tLde.length];
      for (int c = 0; c < trow.length; c++) {
        trow[c] = tLde[c][at];
      }
      long[] crow = new long[cLde.length];
      for (int k = 0; k < crow.length; k++) {
        crow[k] = cLde[k][at];
      }
      d[i] = deep.at(trow, crow, iz[i], igz[i]);
    });
    return d;
  }

  /** The first {@code keep} coefficients of the polynomial with these values on shift * <omega>. */
  private static Ext3[] interpolate(Ext3[] evals, long shift, int keep) {
    long[][] comp = new long[3][evals.length];
    for (int i = 0; i < evals.length; i++) {
      comp[0][i] = evals[i].a0;
      comp[1][i] = evals[i].a1;
      comp[2][i] = evals[i].a2;
    }
    for (int k = 0; k < 3; k++) {
      comp[k] = Ntt.interpolateCoset(comp[k], shift);
    }
    Ext3[] r = new Ext3[keep];
    for (int i = 0; i < keep; i++) {
      r[i] = Ext3.of(comp[0][i], comp[1][i], comp[2][i]);
    }
    return r;
  }
}
