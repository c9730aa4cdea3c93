package io.pqzk.zk.curves;

import io.pqzk.zk.curves.internal.Fp2;
import io.pqzk.zk.curves.internal.Jacobian;

/**
 * A point of the sextic twist E'(GF(p^2)) on one {@link PairingCurve}, checked to be on the twist.
 * Immutable.
 */
public final class G2Point {
  final PairingCurve curve;
  final Jacobian.Point<Fp2> p;

  G2Point(PairingCurve curve, Jacobian.Point<Fp2> p) {
    this.curve = curve;
    this.p = p;
  }

  public PairingCurve curve() {
    return curve;
  }

  public boolean isInfinity() {
    return curve.g2.isInfinity(p);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof G2Point q && q.curve == curve && curve.g2.eq(p, q.p);
  }

  @Override
  public int hashCode() {
    return curve.hashCode();
  }

  @Override
  public String toString() {
    return curve.name() + " G2" + curve.affine(this);
  }
}
