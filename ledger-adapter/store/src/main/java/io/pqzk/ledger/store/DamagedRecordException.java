package io.pqzk.ledger.store;

import io.pqzk.ledger.LedgerException;

/**
 * A block-file record that does not check: wrong magic, a length beyond the file, or a checksum
 * mismatch. {@link #position()} is the record's ordinal in the files (the height it should have).
 */
public final class DamagedRecordException extends LedgerException {
  private static final long serialVersionUID = 1L;
  private final long position;
  private final int segment;
  private final long offset;
  private final boolean atTail;

  public DamagedRecordException(long position, int segment, long offset, boolean atTail, String what) {
    super("block " + position + " (" + BlockFiles.segmentName(segment) + " offset " + offset + "): "
        + what);
    this.position = position;
    this.segment = segment;
    this.offset = offset;
    this.atTail = atTail;
  }

  public long position() {
    return position;
  }

  public int segment() {
    return segment;
  }

  public long offset() {
    return offset;
  }

  /**
   * True when the damage looks like an interrupted append: a record prefix (possibly followed by
   * zeros) at the very end of the last segment, with nothing after it.
   */
  public boolean atTail() {
    return atTail;
  }
}
