package io.pqzk.zk;

/**
 * Some claims of a batch did not verify: carries the lowest failing index, how many failed, and
 * as its cause the failure of that index ({@link MalformedProofException} or
 * {@link ProofRejectedException}).
 */
public final class BatchVerificationException extends ProofException {
  private static final long serialVersionUID = 1L;
  private final int index;
  private final int failures;

  public BatchVerificationException(int index, int failures, int size, ProofException cause) {
    super("claim " + index + " of " + size + " does not verify" + (failures > 1 ? " (and "
        + (failures - 1) + " more)" : "") + ": " + cause.getMessage(), cause);
    this.index = index;
    this.failures = failures;
  }

  /** The lowest index whose proof failed. */
  public int index() {
    return index;
  }

  /** How many proofs of the batch failed. */
  public int failures() {
    return failures;
  }

  /** Whether the first failure is malformed input rather than a rejected proof. */
  public boolean malformed() {
    return getCause() instanceof MalformedProofException;
  }
}
