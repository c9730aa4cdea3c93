package io.pqzk.zk.stark;

import io.pqzk.zk.stark.field.Ext3;
import io.pqzk.zk.stark.field.Goldilocks;
import io.pqzk.zk.stark.field.Ntt;
import io.pqzk.zk.stark.internal.ProverRandom;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The prover's composition polynomial (ethSTARK, ePrint 2021/582, section 3.3): H(x) =
 * sum_j alpha_j C_j(x) (x - g^(n-1)) / (x^n - 1) + sum_k alpha_k (T_c(x) - v_k) / (x - g^r_k),
 * evaluated on a coset of (D')n points (D' the power of two at least the AIR's degree - 1, the
 * even-strided points of the LDE coset), which determines it since deg H < (D - 1) n; then split
 * into randomised segments with the DEEP mask appended.
 */
final class Composition {
  private Composition() {}

  /**
   * The composition commitment's base columns, as coefficients of degree below n: for each
   * segment s its three extension components (columns 3s..3s+2), then the three of the random
   * mask R.
   *
   * <p>Randomised segments (Haboeck and Al Kindi, ePrint 2024/1037): H = sum_s x^(s m) H_s with
   * stride m = n - k, and H'_s = H_s + x^m rho_s - rho_(s-1) for random rho of degree below k
   * (rho_(-1) = rho_(seg-1) = 0): the rho terms telescope away in sum_s x^(s m) H'_s, every H'_s
   * still has degree below n, and each carries k = queries + 2 random coefficients, more than the
   * queries + 1 points at which a proof opens it.
   */
  static long[][] segments(Air air, StarkOptions opt, long[][] tLde, Ext3[] alpha,
      ProverRandom rnd) {
    int n = air.traceLength();
    int seg = Protocol.numSegments(air, opt);
    int stride = Protocol.segmentStride(air, opt);
    int kr = Protocol.randomizerLength(opt);
    long[][] h = evaluate(air, tLde, opt.blowup(), alpha);
    long[][] hCoef = new long[3][];
    IntStream.range(0, 3).parallel()
        .forEach(k -> hCoef[k] = Ntt.interpolateCoset(h[k], Protocol.SHIFT));
    long[][] rho = new long[3 * Math.max(0, seg - 1)][kr];
    for (long[] rr : rho) {
      for (int j = 0; j < kr; j++) {
        rr[j] = StarkProver.randomElement(rnd);
      }
    }
    long[][] cCoef = new long[Protocol.compositionWidth(seg)][];
    for (int s = 0; s < seg; s++) {
      for (int k = 0; k < 3; k++) {
        long[] part = new long[n];
        int from = s * stride;
        System.arraycopy(hCoef[k], from, part, 0,
            Math.max(0, Math.min(stride, hCoef[k].length - from)));
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
        r[i] = StarkProver.randomElement(rnd);
      }
      cCoef[3 * seg + k] = r;
    }
    for (long[] r : rho) {
      java.util.Arrays.fill(r, 0);
    }
    return cCoef;
  }

  /** H on the composition coset, as three base-field component arrays. */
  static long[][] evaluate(Air air, long[][] tLde, int b, Ext3[] alpha) {
    int n = air.traceLength();
    int bigN = n * b;
    int w = air.width();
    int sub = Math.min(b, Integer.highestOneBit(Math.max(1, air.maxDegree() - 1)) << 1);
    int step = b / sub;
    int size = bigN / step;
    long[][] per = air.periodicOnCoset(size, Protocol.SHIFT);
    long omega = Goldilocks.rootOfUnity(Integer.numberOfTrailingZeros(size));
    long[] xs = new long[size];
    xs[0] = Protocol.SHIFT;
    for (int i = 1; i < size; i++) {
      xs[i] = Goldilocks.mul(xs[i - 1], omega);
    }
    // x^n takes `sub` distinct values on this coset: x^n - 1 at point pt depends on pt mod sub
    long[] vanish = new long[sub];
    for (int k = 0; k < sub; k++) {
      vanish[k] = Goldilocks.sub(Goldilocks.pow(xs[k], n), 1);
    }
    long[] vanishInv = Goldilocks.batchInv(vanish);
    long g = air.traceGenerator();
    long gLast = Goldilocks.pow(g, n - 1);
    List<Air.Assertion> asserts = air.assertions();
    int[] rows = asserts.stream().mapToInt(Air.Assertion::row).distinct().toArray();
    long[][] rowInv = new long[rows.length][];
    int[] rowOf = new int[asserts.size()];
    IntStream.range(0, rows.length).parallel().forEach(r -> {
      long gr = Goldilocks.pow(g, rows[r]);
      long[] d = new long[size];
      for (int i = 0; i < size; i++) {
        d[i] = Goldilocks.sub(xs[i], gr);
      }
      rowInv[r] = Goldilocks.batchInv(d);
    });
    for (int k = 0; k < asserts.size(); k++) {
      for (int r = 0; r < rows.length; r++) {
        if (rows[r] == asserts.get(k).row()) {
          rowOf[k] = r;
        }
      }
    }
    int nc = air.numConstraints();
    long[][] h = new long[3][size];
    int chunk = 128;
    IntStream.range(0, (size + chunk - 1) / chunk).parallel().forEach(ch -> {
      long[] cur = new long[w];
      long[] next = new long[w];
      long[] pv = new long[per.length];
      long[] out = new long[nc];
      for (int pt = ch * chunk; pt < Math.min(size, (ch + 1) * chunk); pt++) {
        int i = pt * step;
        int ni = (i + b) % bigN;
        for (int c = 0; c < w; c++) {
          cur[c] = tLde[c][i];
          next[c] = tLde[c][ni];
        }
        for (int k = 0; k < pv.length; k++) {
          pv[k] = per[k][pt];
        }
        air.evaluateBase(cur, next, pv, out);
        long a0 = 0;
        long a1 = 0;
        long a2 = 0;
        for (int j = 0; j < nc; j++) {
          long v = out[j];
          if (v != 0) {
            a0 = Goldilocks.add(a0, Goldilocks.mul(alpha[j].a0, v));
            a1 = Goldilocks.add(a1, Goldilocks.mul(alpha[j].a1, v));
            a2 = Goldilocks.add(a2, Goldilocks.mul(alpha[j].a2, v));
          }
        }
        long f = Goldilocks.mul(Goldilocks.sub(xs[pt], gLast), vanishInv[pt % sub]);
        a0 = Goldilocks.mul(a0, f);
        a1 = Goldilocks.mul(a1, f);
        a2 = Goldilocks.mul(a2, f);
        for (int k = 0; k < asserts.size(); k++) {
          Air.Assertion a = asserts.get(k);
          long num = Goldilocks.mul(Goldilocks.sub(tLde[a.column()][i], a.value()),
              rowInv[rowOf[k]][pt]);
          Ext3 al = alpha[nc + k];
          a0 = Goldilocks.add(a0, Goldilocks.mul(al.a0, num));
          a1 = Goldilocks.add(a1, Goldilocks.mul(al.a1, num));
          a2 = Goldilocks.add(a2, Goldilocks.mul(al.a2, num));
        }
        h[0][pt] = a0;
        h[1][pt] = a1;
        h[2][pt] = a2;
      }
    });
    return h;
  }
}
