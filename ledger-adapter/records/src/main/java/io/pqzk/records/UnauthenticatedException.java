package io.pqzk.records;

/**
 * A caller the custodian cannot tie to a registered reader or a genesis authority: an unknown
 * key, a signature that does not verify, a TLS certificate the ledger binds to nobody. Refused
 * without an event: such a caller is no participant, and logging it would let anyone write to
 * the chain.
 */
public final class UnauthenticatedException extends RecordsException {
  private static final long serialVersionUID = 1L;

  public UnauthenticatedException(String message) {
    super(message);
  }
}
