package io.pqzk.replication;

/**
 * A submitted transaction the network will not finalise: it breaks a rule (refused before it
 * reached any node's log) or the leader dropped it from the block it cut. {@link #reason()} is
 * the rule, as the ledger states it.
 */
public final class TransactionRefusedException extends ReplicationException {
  private static final long serialVersionUID = 1L;
  private final String reason;

  public TransactionRefusedException(String reason) {
    super("transaction refused: " + reason);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
