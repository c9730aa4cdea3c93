package io.pqzk.ledger.crypto;

import java.security.GeneralSecurityException;

/** An algorithm name the ledger does not know or does not allow where it was found. */
public final class UnsupportedAlgorithmException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  public UnsupportedAlgorithmException(String message) {
    super(message);
  }
}
