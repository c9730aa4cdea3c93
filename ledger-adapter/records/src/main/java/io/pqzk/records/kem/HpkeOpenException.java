package io.pqzk.records.kem;

/**
 * An HPKE ciphertext that does not open: its AES-256-GCM tag fails under the key the
 * encapsulation and the private key give (the ciphertext, the encapsulation, the info or the
 * associated data was changed, or it was sealed to another key). Never says which: an oracle
 * that told them apart would help an attacker.
 */
public final class HpkeOpenException extends KemException {
  private static final long serialVersionUID = 1L;

  public HpkeOpenException(String message, Throwable cause) {
    super(message, cause);
  }
}
