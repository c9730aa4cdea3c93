package io.pqzk.zk.curves.internal;

/** An element c0 + c1*u of GF(p^2) = GF(p)[u]/(u^2 + 1), limbs in Montgomery form. Immutable. */
public final class Fp2 {
  final long[] c0;
  final long[] c1;

  Fp2(long[] c0, long[] c1) {
    this.c0 = c0;
    this.c1 = c1;
  }

  public long[] c0() {
    return c0.clone();
  }

  public long[] c1() {
    return c1.clone();
  }
}
