package io.pqzk.records;

/**
 * The vault, the key store, the escrow or the custodian's chain index cannot be read or written
 * (a disk error, a store another process holds, a store of another chain): an operational
 * failure, never a verdict on a request.
 */
public final class VaultStorageException extends RecordsException {
  private static final long serialVersionUID = 1L;

  public VaultStorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public VaultStorageException(String message) {
    super(message);
  }
}
