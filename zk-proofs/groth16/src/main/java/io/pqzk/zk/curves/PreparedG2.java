package io.pqzk.zk.curves;

import io.pqzk.zk.curves.internal.Fp2;

/**
 * A G2 point with its Miller-loop line coefficients computed once ({@link
 * PairingCurve#prepare(G2Point)}): fixed points such as a verification key's beta, gamma, delta
 * then cost only the line evaluations in every later pairing. Immutable.
 */
public final class PreparedG2 {
  final PairingCurve curve;
  final G2Point point;
  final Fp2[][] lines; // null for the point at infinity

  PreparedG2(PairingCurve curve, G2Point point, Fp2[][] lines) {
    this.curve = curve;
    this.point = point;
    this.lines = lines;
  }

  public G2Point point() {
    return point;
  }
}
