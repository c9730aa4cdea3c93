package io.pqzk.vectors.acvp;

/**
 * Which FIPS 204/205 function an ACVP signature case exercises, folded from the group fields
 * {@code signatureInterface}, {@code preHash} and {@code externalMu}.
 */
public enum AcvpSigMode {
  /** {@code external}/{@code pure}: ML-DSA.Sign / slh_sign with a context (FIPS 204 §5.2, FIPS 205 §10.2). */
  PURE,
  /** {@code external}/{@code preHash}: HashML-DSA / hash_slh_sign with the test's {@code hashAlg}. */
  PRE_HASH,
  /**
   * {@code internal}: the message is M' itself, given to Sign_internal / slh_sign_internal. The
   * SLH-DSA v1.1.0.35/37 files have no {@code signatureInterface} field and are internal only.
   */
  INTERNAL,
  /** {@code internal} with {@code externalMu:true}: the test gives μ (ML-DSA only). */
  EXTERNAL_MU;

  static AcvpSigMode of(String signatureInterface, String preHash, Boolean externalMu)
      throws io.pqzk.vectors.VectorFormatException {
    if (signatureInterface == null || signatureInterface.equals("internal")) {
      return Boolean.TRUE.equals(externalMu) ? EXTERNAL_MU : INTERNAL;
    }
    if (!signatureInterface.equals("external")) {
      throw new io.pqzk.vectors.VectorFormatException(
          "unknown signatureInterface '" + signatureInterface + "'");
    }
    if (preHash == null || preHash.equals("pure")) {
      return PURE;
    }
    if (preHash.equals("preHash")) {
      return PRE_HASH;
    }
    throw new io.pqzk.vectors.VectorFormatException("unknown preHash '" + preHash + "'");
  }
}
