package io.pqzk.zk.curves;

import io.pqzk.zk.curves.internal.Jacobian;
import java.util.List;

/**
 * Fixed G1 bases with their window tables computed once ({@link PairingCurve#bases(List)}), for
 * multi-scalar multiplications over the same points, such as a verification key's
 * {@code gamma_abc}: each later {@link PairingCurve#msm(G1Bases, List)} then pays only the
 * doublings and the window additions. Immutable.
 */
public final class G1Bases {
  final PairingCurve curve;
  final Jacobian.Point<long[]>[][] tables;

  G1Bases(PairingCurve curve, Jacobian.Point<long[]>[][] tables) {
    this.curve = curve;
    this.tables = tables;
  }

  /** How many bases. */
  public int size() {
    return tables.length;
  }
}
