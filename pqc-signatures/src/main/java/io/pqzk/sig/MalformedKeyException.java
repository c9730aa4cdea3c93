package io.pqzk.sig;

/**
 * A key whose bytes are the right length but not a valid key: an encoding that does not parse,
 * an expanded private key whose parts disagree, or a public key that does not match the private
 * one.
 */
public final class MalformedKeyException extends PqSignatureException {
  private static final long serialVersionUID = 1L;

  public MalformedKeyException(String message) {
    super(message);
  }

  public MalformedKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
