package io.pqzk.vectors.acvp;

import java.util.List;

/**
 * A loaded ACVP vector set: the header, what it is, and every case in file order.
 *
 * @param answers where the expected results came from: {@code "expectedResults"} (joined on
 *     tgId/tcId), {@code "internalProjection"} (inline), or {@code "none"} (prompt only)
 */
public record AcvpVectorSet(AcvpHeader header, AcvpKind kind, String answers, List<AcvpCase> cases)
    implements io.pqzk.vectors.VectorSet {
  public AcvpVectorSet {
    cases = List.copyOf(cases);
  }

  /** True when the cases carry expected results. */
  public boolean hasAnswers() {
    return !answers.equals("none");
  }

  @Override
  public String describe() {
    return "ACVP " + kind + " (" + header.revision() + ", answers: " + answers + ")";
  }

  @Override
  public int size() {
    return cases.size();
  }
}
