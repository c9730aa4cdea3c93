package io.pqzk.ledger;

/** A block that does not validate: {@link #height()} names it, the message says what is wrong. */
public final class BlockRejectedException extends LedgerException {
  private static final long serialVersionUID = 1L;
  private final long height;

  public BlockRejectedException(long height, String what) {
    super("block " + height + ": " + what);
    this.height = height;
  }

  public BlockRejectedException(long height, String what, Throwable cause) {
    super("block " + height + ": " + what, cause);
    this.height = height;
  }

  public long height() {
    return height;
  }
}
