package io.pqzk.ledger.quorum;

/** A quorum certificate that does not certify what it was checked for; the message says why. */
public final class QuorumException extends Exception {
  private static final long serialVersionUID = 1L;

  public QuorumException(String message) {
    super(message);
  }
}
