package io.pqzk.vectors.acvp;

/**
 * One ACVP test case, with its answers joined in when they were available. Byte arrays are the
 * decoded hex of the file (test data, not secrets); a {@code null} answer means the file set had
 * none for this case.
 */
public sealed interface AcvpCase
    permits MlDsaKeyGenCase, MlDsaSigGenCase, MlDsaSigVerCase, SlhDsaKeyGenCase, SlhDsaSigGenCase,
        SlhDsaSigVerCase {
  int tgId();

  int tcId();

  /** e.g. {@code ML-DSA-65} or {@code SLH-DSA-SHAKE-128f}. */
  String parameterSet();

  /** {@code tgId/tcId}, for display names and failure lines. */
  default String id() {
    return "tg" + tgId() + "/tc" + tcId();
  }
}
