package io.pqzk.zk.curves.internal;

/**
 * An element of GF(p^12) built as GF(p^6)[w]/(w^2 - v), GF(p^6) = GF(p^2)[v]/(v^3 - xi). Also holds
 * the GF(p^6) element type. Immutable.
 */
public final class Fp12 {
  final Fp6 c0;
  final Fp6 c1;

  Fp12(Fp6 c0, Fp6 c1) {
    this.c0 = c0;
    this.c1 = c1;
  }

  /** c0 + c1*v + c2*v^2 in GF(p^6). */
  static final class Fp6 {
    final Fp2 c0;
    final Fp2 c1;
    final Fp2 c2;

    Fp6(Fp2 c0, Fp2 c1, Fp2 c2) {
      this.c0 = c0;
      this.c1 = c1;
      this.c2 = c2;
    }
  }
}
