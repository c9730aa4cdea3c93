package io.pqzk.ledger.store;

/** Where a block's record starts: segment number, byte offset of the record, payload length. */
public record BlockLocation(int segment, long offset, int length) {
  /** Offset of the first byte after this record. */
  public long end() {
    return offset + BlockFiles.HEADER_BYTES + length;
  }
}
