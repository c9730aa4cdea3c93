package io.pqzk.sig.internal.fast;

import io.pqzk.sig.SignatureAlgorithm;

/**
 * The ML-DSA parameter sets, FIPS 204 Table 1, with the lengths of Table 2 derived from them.
 * Names follow the standard's symbols.
 */
enum MlDsaParams {
  ML_DSA_44(SignatureAlgorithm.ML_DSA_44, 4, 4, 2, 39, 128, 17, 88, 80),
  ML_DSA_65(SignatureAlgorithm.ML_DSA_65, 6, 5, 4, 49, 192, 19, 32, 55),
  ML_DSA_87(SignatureAlgorithm.ML_DSA_87, 8, 7, 2, 60, 256, 19, 32, 75);

  /** The modulus q = 2^23 - 2^13 + 1. */
  static final int Q = 8380417;
  /** Dropped bits of t, d = 13. */
  static final int D = 13;

  final SignatureAlgorithm algorithm;
  /** Rows of A (k) and columns (l). */
  final int k;
  final int l;
  final int eta;
  /** Number of +-1 coefficients of c. */
  final int tau;
  /** Collision strength lambda in bits; c-tilde has lambda / 4 bytes. */
  final int lambda;
  /** gamma1 = 2^gamma1Bits: z's coefficient range. */
  final int gamma1;
  final int gamma1Bits;
  /** gamma2 = (q - 1) / gamma2Divisor: the low-order rounding range. */
  final int gamma2;
  /** Maximum number of 1s in the hint h. */
  final int omega;
  /** beta = tau * eta. */
  final int beta;
  /** c-tilde length, lambda / 4. */
  final int cTildeBytes;
  /** Bytes per packed polynomial of z: 32 * (1 + bitlen(gamma1 - 1)). */
  final int zPolyBytes;
  /** Bits per coefficient of w1Encode: bitlen((q - 1) / (2 gamma2) - 1). */
  final int w1Bits;
  final int publicKeyBytes;
  final int signatureBytes;

  MlDsaParams(SignatureAlgorithm algorithm, int k, int l, int eta, int tau, int lambda,
      int gamma1Bits, int gamma2Divisor, int omega) {
    this.algorithm = algorithm;
    this.k = k;
    this.l = l;
    this.eta = eta;
    this.tau = tau;
    this.lambda = lambda;
    this.gamma1Bits = gamma1Bits;
    this.gamma1 = 1 << gamma1Bits;
    this.gamma2 = (Q - 1) / gamma2Divisor;
    this.omega = omega;
    this.beta = tau * eta;
    this.cTildeBytes = lambda / 4;
    this.zPolyBytes = 32 * (gamma1Bits + 1);
    this.w1Bits = gamma2Divisor == 88 ? 6 : 4; // w1 in [0, 43] or [0, 15]
    this.publicKeyBytes = 32 + 32 * k * 10; // rho || k polynomials of 10-bit t1 coefficients
    this.signatureBytes = cTildeBytes + l * zPolyBytes + omega + k;
    if (publicKeyBytes != algorithm.publicKeyLength()
        || signatureBytes != algorithm.signatureLength()) {
      throw new AssertionError(algorithm + ": FIPS 204 Table 2 lengths disagree");
    }
  }

  static MlDsaParams of(SignatureAlgorithm alg) {
    switch (alg) {
      case ML_DSA_44: return ML_DSA_44;
      case ML_DSA_65: return ML_DSA_65;
      case ML_DSA_87: return ML_DSA_87;
      default: throw new IllegalArgumentException("not ML-DSA: " + alg);
    }
  }
}
