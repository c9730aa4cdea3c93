package io.pqzk.ledger;

/**
 * Input that cannot be used at all (a genesis file that does not parse or is inconsistent, a
 * data directory that is not a ledger): the command line maps it to exit code 2.
 */
public class MalformedInputException extends LedgerException {
  private static final long serialVersionUID = 1L;

  public MalformedInputException(String message) {
    super(message);
  }

  public MalformedInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
