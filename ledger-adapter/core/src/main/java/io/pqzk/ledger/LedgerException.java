package io.pqzk.ledger;

/** Root of the ledger's checked exceptions; the message names what is wrong and where. */
public class LedgerException extends Exception {
  private static final long serialVersionUID = 1L;

  public LedgerException(String message) {
    super(message);
  }

  public LedgerException(String message, Throwable cause) {
    super(message, cause);
  }
}
