package io.pqzk.bench.zk.baseline.internal;

import io.pqzk.bench.zk.baseline.field.Ext3;
import io.pqzk.bench.zk.baseline.field.Goldilocks;

/**
 * FRI folding by a factor F (ePrint 2022/1216, section 3): the evaluations of f on a coset group
 * {x * zeta^t : t < F} (zeta a primitive F-th root of unity) determine f_0..f_{F-1} with
 * f(x) = sum_k x^k f_k(x^F); the folded value at y = x^F is sum_k beta^k f_k(y).
 */
public final class Fri {
  private Fri() {}

  /**
   * Folds one group. {@code values[t]} is f(x * zeta^t); {@code zetaInv} = zeta^-1.
   */
  public static Ext3 fold(Ext3[] values, long x, long zetaInv, Ext3 beta) {
    int f = values.length;
    long xInv = Goldilocks.inv(x);
    long fInv = Goldilocks.inv(f);
    Ext3 result = Ext3.ZERO;
    Ext3 betaPow = Ext3.ONE;
    long xInvPow = 1;
    long zk = 1; // zeta^-k
    for (int k = 0; k < f; k++) {
      // s_k = sum_t values[t] * zeta^{-tk}
      Ext3 s = Ext3.ZERO;
      long w = 1;
      for (int t = 0; t < f; t++) {
        s = s.add(values[t].mulBase(w));
        w = Goldilocks.mul(w, zk);
      }
      result = result.add(s.mulBase(Goldilocks.mul(xInvPow, fInv)).mul(betaPow));
      betaPow = betaPow.mul(beta);
      xInvPow = Goldilocks.mul(xInvPow, xInv);
      zk = Goldilocks.mul(zk, zetaInv);
    }
    return result;
  }

  /** Encodes a group of extension values as a Merkle leaf. */
  public static byte[] leaf(Ext3[] values) {
    byte[] b = new byte[24 * values.length];
    for (int i = 0; i < values.length; i++) {
      Codec.putExt(b, 24 * i, values[i]);
    }
    return b;
  }
}
