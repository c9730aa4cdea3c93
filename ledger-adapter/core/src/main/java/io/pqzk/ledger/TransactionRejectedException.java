package io.pqzk.ledger;

/** A transaction that may not enter a block; the message says which rule it breaks. */
public final class TransactionRejectedException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public TransactionRejectedException(String message) {
    super(message);
  }
}
