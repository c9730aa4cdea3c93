package io.pqzk.ledger.codec;

/** Bytes that are not the canonical protobuf encoding of the message they claim to be. */
public final class NonCanonicalException extends Exception {
  private static final long serialVersionUID = 1L;

  public NonCanonicalException(String message) {
    super(message);
  }
}
