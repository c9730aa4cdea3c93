package io.pqzk.vectors.wycheproof;

/** Wycheproof's expected outcome (common.json Result). */
public enum WycheproofResult {
  VALID,
  INVALID,
  /** Acceptable either way; Wycheproof uses it for legacy or implementation-defined behaviour. */
  ACCEPTABLE;

  static WycheproofResult of(String s) throws io.pqzk.vectors.VectorFormatException {
    switch (s) {
      case "valid":
        return VALID;
      case "invalid":
        return INVALID;
      case "acceptable":
        return ACCEPTABLE;
      default:
        throw new io.pqzk.vectors.VectorFormatException("unknown result '" + s + "'");
    }
  }
}
