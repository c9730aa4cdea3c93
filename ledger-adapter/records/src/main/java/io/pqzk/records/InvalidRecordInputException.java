package io.pqzk.records;

/**
 * Input that cannot be used as it is: a document without its attributes, a key file of the wrong
 * kind, a read request that does not parse, a residency tag the genesis does not know. Nothing
 * was written.
 */
public class InvalidRecordInputException extends RecordsException {
  private static final long serialVersionUID = 1L;

  public InvalidRecordInputException(String message) {
    super(message);
  }

  public InvalidRecordInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
