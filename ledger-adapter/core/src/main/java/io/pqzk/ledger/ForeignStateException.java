package io.pqzk.ledger;

/** A state store that holds the state of another chain (another genesis). */
public final class ForeignStateException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public ForeignStateException(String message) {
    super(message);
  }
}
