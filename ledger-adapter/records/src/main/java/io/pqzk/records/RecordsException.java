package io.pqzk.records;

/**
 * The root of this module's checked exceptions: every failure of the vault, the key store, the
 * KEM, the custodian or its service that a caller can act on is one of its subclasses, each
 * saying what was wrong. A {@link java.security.GeneralSecurityException}, as the signature
 * module's root is: each is a security decision or a failure of one. Programmer errors stay
 * {@link IllegalArgumentException} and {@link NullPointerException}.
 */
public class RecordsException extends java.security.GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public RecordsException(String message) {
    super(message);
  }

  public RecordsException(String message, Throwable cause) {
    super(message, cause);
  }
}
