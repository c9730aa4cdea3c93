package io.pqzk.records.kem;

/** An encrypted X-Wing key file that does not decrypt: a wrong passphrase, or an altered file. */
public final class WrongKemPassphraseException extends KemException {
  private static final long serialVersionUID = 1L;

  public WrongKemPassphraseException(String message, Throwable cause) {
    super(message, cause);
  }
}
