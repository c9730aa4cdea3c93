package io.pqzk.bench.zk.baseline.security;

/**
 * Round-by-round soundness bounds of a STARK, as -log2 of each error term, floored.
 *
 * <p>The order of floating-point operations follows Winterfell's estimator
 * ({@code air/src/proof/security.rs}, v0.13.1) wherever rounding could move a floor; the
 * formulas themselves are those of ePrint 2024/1553 Thm 2 and 3 (built on ePrint 2022/1216 Thm 8
 * and the ethSTARK documentation, ePrint 2021/582, Thm 5). Notation: F extension-field bits,
 * n LDE size, h trace length, rho = 1/blowup, s queries, g grinding bits, k = 2 openings (z and
 * g*z), d the constraint-degree bound.
 */
final class ProvenBounds {
  /** DEEP opens every trace polynomial at z and g*z. */
  private static final double OPENINGS = 2.0;
  /** Winterfell stops the search over the proximity parameter here. */
  private static final long M_CAP = 1000;

  private ProvenBounds() {}

  /** Best list-decoding bound and the m reaching it: {bits, m}. */
  static long[] listDecoding(SecurityParams p) {
    long hi = Math.min(F64.asU64(mUpper(p.traceLength())), M_CAP);
    if (hi <= 3) {
      throw new IllegalArgumentException("trace too short: no admissible proximity parameter m");
    }
    long best = -1;
    long bestM = -1;
    for (long m = 3; m < hi; m++) {
      long v = listDecodingForM(p, m);
      if (v >= best) { // ties keep the last m, as Rust's Iterator::max_by_key does
        best = v;
        bestM = m;
      }
    }
    return new long[] {Math.min(best, p.collisionResistanceBits()), bestM};
  }

  /**
   * Exclusive upper end of the search over m: Thm 2 needs sqrt(rho)(1 + 1/(2m)) above
   * sqrt((h+2)/n), which holds for m below 1/(2(sqrt((h+2)/h) - 1)).
   */
  private static double mUpper(long traceLength) {
    double h = traceLength;
    double bound = Math.ceil(1.0 / (2.0 * (Math.sqrt((h + 2.0) / h) - 1.0)));
    if (!(bound >= h / 2.0)) {
      throw new IllegalArgumentException(
          "trace length " + traceLength + " too large for double-precision estimation");
    }
    return bound;
  }

  private static long listDecodingForM(SecurityParams p, long mInt) {
    double f = p.extensionFieldBits();
    double n = p.ldeSize();
    double h = p.traceLength();
    double rho = 1.0 / p.blowup();
    double d = p.deepDegreeBound();
    double m = mInt;
    // FRI runs at agreement alpha = sqrt(rho)(1 + 1/(2m)) (Johnson regime); list size L there.
    double alpha = (1.0 + 0.5 / m) * Math.sqrt(rho);
    double list = m / (rho - (2.0 * m / n));

    double ali = -F64.log2(list) - F64.log2(p.constraintBatching().loss(p.numConstraints())) + f;
    double deep = -F64.log2(list * list * (d * (h + OPENINGS - 1.0) + (h - 1.0))) + f;
    // Leading term of the correlated-agreement error (m+1/2)^7 n^2 / (3 rho^1.5 |F|); later
    // folding rounds are dominated by the first one.
    double commit = f - F64.log2((Math.pow(m + 0.5, 7.0) / (3.0 * Math.pow(rho, 1.5)))
        * Math.pow(n, 2.0) * p.deepBatching().loss(p.numCommittedPolys()));
    double query = p.grindingBits() - F64.log2(Math.pow(alpha, p.queries()));

    double acc = Double.POSITIVE_INFINITY;
    for (double t : new double[] {ali, deep, commit, query}) {
      acc = F64.min(acc, t);
    }
    return F64.asU64(acc);
  }

  /** Unique-decoding bound, capped at the collision resistance. */
  static long uniqueDecoding(SecurityParams p) {
    double f = p.extensionFieldBits();
    double n = p.ldeSize();
    double h = p.traceLength();
    double d = p.deepDegreeBound();
    // The DEEP quotient lives in the code of rate (h + k)/n; FRI runs at the unique-decoding
    // agreement (1 + rho+)/2.
    double rhoPlus = (h + OPENINGS) / n;
    double alpha = (1.0 + rhoPlus) * 0.5;

    double acc = Double.POSITIVE_INFINITY;
    acc = F64.min(acc, -F64.log2(p.constraintBatching().loss(p.numConstraints())) + f);
    acc = F64.min(acc, -F64.log2(d * (h + OPENINGS - 1.0) + (h - 1.0)) + f);
    acc = F64.min(acc, f - F64.log2(n * p.deepBatching().loss(p.numCommittedPolys())));
    if (p.friLayers() > 0) {
      // each folding round errs with (folding-1)(n+1)/|F|, n the initial LDE size as a bound
      acc = F64.min(acc, f - F64.log2(((double) p.foldingFactor() - 1.0) * (n + 1.0)));
    }
    acc = F64.min(acc, p.grindingBits() - F64.log2(Math.pow(alpha, p.queries())));
    return Math.min(F64.asU64(acc), p.collisionResistanceBits());
  }

  /**
   * Winterfell v0.8-v0.11 list-decoding bound: FRI analysed at rate rho+ = (h+2)/n with the
   * smallest m+ whose Johnson radius covers alpha; the FRI error is floored then reduced by one
   * bit, and the total again, to account for summing the errors. Returns {bits, m}.
   */
  static long[] legacyListDecoding(SecurityParams p) {
    double h = p.traceLength();
    long hi = Math.min(F64.asU64(Math.ceil(0.25 * h * (1.0 + Math.sqrt(1.0 + 2.0 / h)))), M_CAP);
    if (hi <= 3) {
      throw new IllegalArgumentException("trace too short: no admissible proximity parameter m");
    }
    long best = -1;
    long bestM = -1;
    for (long m = 3; m < hi; m++) {
      long v = legacyForM(p, m);
      if (v >= best) {
        best = v;
        bestM = m;
      }
    }
    return new long[] {Math.min(best, p.collisionResistanceBits()), bestM};
  }

  private static long legacyForM(SecurityParams p, long mInt) {
    double f = p.extensionFieldBits();
    double n = p.ldeSize();
    double h = p.traceLength();
    double rho = 1.0 / p.blowup();
    double d = p.deepDegreeBound();
    double m = mInt;
    double alpha = (1.0 + 0.5 / m) * Math.sqrt(rho);
    double rhoPlus = (h + OPENINGS) / n;
    double mPlus = Math.ceil(1.0 / (2.0 * (alpha / Math.sqrt(rhoPlus) - 1.0)));
    double alphaPlus = (1.0 + 0.5 / mPlus) * Math.sqrt(rhoPlus);
    double thetaPlus = 1.0 - alphaPlus;
    double commit =
        f - F64.log2((0.5 * Math.pow(m + 0.5, 7.0) / Math.pow(rho, 1.5)) * Math.pow(n, 2.0));
    double query = p.grindingBits() - F64.log2(Math.pow(1.0 - thetaPlus, p.queries()));
    double listPlus = (2.0 * mPlus + 1.0) / (2.0 * Math.sqrt(rhoPlus));
    double ali = -F64.log2(listPlus) + f;
    double deep = -F64.log2(listPlus * (d * (h + OPENINGS - 1.0) + (h - 1.0))) + f;
    long fri = Math.min(F64.asU64(commit), F64.asU64(query));
    if (fri < 1) {
      return 0;
    }
    long low = Math.min(fri - 1, Math.min(F64.asU64(ali), F64.asU64(deep)));
    return low < 1 ? 0 : low - 1;
  }
}
