package io.pqzk.records;

/**
 * A custodian operation refused by policy (not a read, which answers with a refusal): an opening
 * asked for by someone who does not own the record, a purge of a record kept elsewhere. Says why.
 */
public final class AccessRefusedException extends RecordsException {
  private static final long serialVersionUID = 1L;

  public AccessRefusedException(String message) {
    super(message);
  }
}
