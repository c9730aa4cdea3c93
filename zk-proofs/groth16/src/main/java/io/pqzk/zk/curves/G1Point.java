package io.pqzk.zk.curves;

import io.pqzk.zk.curves.internal.Jacobian;

/** A point of E(GF(p)) on one {@link PairingCurve}, checked to be on the curve. Immutable. */
public final class G1Point {
  final PairingCurve curve;
  final Jacobian.Point<long[]> p;

  G1Point(PairingCurve curve, Jacobian.Point<long[]> p) {
    this.curve = curve;
    this.p = p;
  }

  public PairingCurve curve() {
    return curve;
  }

  public boolean isInfinity() {
    return curve.g1.isInfinity(p);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof G1Point q && q.curve == curve && curve.g1.eq(p, q.p);
  }

  @Override
  public int hashCode() {
    return curve.hashCode();
  }

  @Override
  public String toString() {
    return curve.name() + " G1" + curve.affine(this);
  }
}
