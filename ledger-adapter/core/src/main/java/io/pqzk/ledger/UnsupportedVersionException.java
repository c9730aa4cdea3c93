package io.pqzk.ledger;

/**
 * A genesis file or data directory of a format version this build does not read. It is refused,
 * never misread: the message names the version found and what to do.
 */
public final class UnsupportedVersionException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  public UnsupportedVersionException(String message) {
    super(message);
  }
}
