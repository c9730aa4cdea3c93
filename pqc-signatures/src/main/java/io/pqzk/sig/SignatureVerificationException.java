package io.pqzk.sig;

/**
 * A signature that does not verify: wrong key, altered message, context or signature, or a
 * signature that is not even well formed. Verification never returns {@code false}; it throws
 * this, so a caller cannot ignore the result.
 */
public class SignatureVerificationException extends PqSignatureException {
  private static final long serialVersionUID = 1L;

  public SignatureVerificationException(String message) {
    super(message);
  }

  public SignatureVerificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
