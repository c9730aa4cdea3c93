package io.pqzk.records.kem;

import io.pqzk.records.RecordsException;

/**
 * An X-Wing key that is not one (wrong length, a half that does not parse) or an HPKE operation
 * that cannot be done with the key given. A failed open is the subclass {@link
 * HpkeOpenException}.
 */
public class KemException extends RecordsException {
  private static final long serialVersionUID = 1L;

  public KemException(String message) {
    super(message);
  }

  public KemException(String message, Throwable cause) {
    super(message, cause);
  }
}
