package io.pqzk.records;

/**
 * Stored or received ciphertext failed its authentication: an AES-256-GCM tag that does not
 * verify (a flipped byte, a field moved from another record, associated data that no longer
 * matches) or an HPKE open that fails. Names the record (by a commitment prefix) and which
 * ciphertext failed; nothing was released, and no other record is affected.
 */
public final class TamperedRecordException extends RecordsException {
  private static final long serialVersionUID = 1L;
  private final String part;

  public TamperedRecordException(String part, String message, Throwable cause) {
    super(message, cause);
    this.part = part;
  }

  /** Which ciphertext failed, e.g. {@code document}, {@code wrapped data key}. */
  public String part() {
    return part;
  }
}
