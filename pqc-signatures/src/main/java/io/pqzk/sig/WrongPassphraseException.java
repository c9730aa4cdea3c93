package io.pqzk.sig;

/**
 * An encrypted private key that could not be decrypted: wrong passphrase, no passphrase given,
 * or a file altered since it was written (AES-GCM cannot tell these apart, by design).
 */
public final class WrongPassphraseException extends PqSignatureException {
  private static final long serialVersionUID = 1L;

  public WrongPassphraseException(String message) {
    super(message);
  }

  public WrongPassphraseException(String message, Throwable cause) {
    super(message, cause);
  }
}
