package io.pqzk.sig;

import java.security.GeneralSecurityException;

/**
 * Root of every checked exception thrown by the signature layer. Subclasses say what was wrong;
 * callers that only need "it failed" catch this one.
 */
public class PqSignatureException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public PqSignatureException(String message) {
    super(message);
  }

  public PqSignatureException(String message, Throwable cause) {
    super(message, cause);
  }
}
