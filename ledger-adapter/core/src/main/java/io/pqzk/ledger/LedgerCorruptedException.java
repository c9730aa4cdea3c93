package io.pqzk.ledger;

/**
 * The stored chain is damaged in a way a crash cannot explain (a bad record before the tail, a
 * stored block that no longer validates, an index ahead of the block files). The engine refuses
 * to open rather than repair by deleting data; the message says where.
 */
public final class LedgerCorruptedException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public LedgerCorruptedException(String message) {
    super(message);
  }

  public LedgerCorruptedException(String message, Throwable cause) {
    super(message, cause);
  }
}
