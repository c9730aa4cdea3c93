package io.pqzk.records;

/**
 * A record whose per-record key is gone from the key store: it was purged (crypto-shredded), so
 * no copy of its ciphertext anywhere can be decrypted any more.
 */
public final class ShreddedRecordException extends RecordsException {
  private static final long serialVersionUID = 1L;

  public ShreddedRecordException(String message) {
    super(message);
  }
}
