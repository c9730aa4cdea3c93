package io.pqzk.vectors.acvp;

/** The ACVP (algorithm, mode) pairs the loaders understand. */
public enum AcvpKind {
  ML_DSA_KEYGEN("ML-DSA", "keyGen"),
  ML_DSA_SIGGEN("ML-DSA", "sigGen"),
  ML_DSA_SIGVER("ML-DSA", "sigVer"),
  SLH_DSA_KEYGEN("SLH-DSA", "keyGen"),
  SLH_DSA_SIGGEN("SLH-DSA", "sigGen"),
  SLH_DSA_SIGVER("SLH-DSA", "sigVer");

  private final String algorithm;
  private final String mode;

  AcvpKind(String algorithm, String mode) {
    this.algorithm = algorithm;
    this.mode = mode;
  }

  /** The kind for a file header, or null when the pair is not one of these. */
  public static AcvpKind of(AcvpHeader h) {
    for (AcvpKind k : values()) {
      if (k.algorithm.equalsIgnoreCase(h.algorithm()) && k.mode.equalsIgnoreCase(h.mode())) {
        return k;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return algorithm + " " + mode;
  }
}
