package io.pqzk.ledger.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads and checks records of one segment, positionally (the channel's position is unused). */
final class SegmentReader {
  private final FileChannel ch;
  private final int segment;
  private final boolean last;
  private long position;

  SegmentReader(FileChannel ch, int segment, long firstPosition, boolean last) {
    this.ch = ch;
    this.segment = segment;
    this.position = firstPosition;
    this.last = last;
  }

  /** Reads the record at {@code offset}, expected to be block {@code position}. */
  StoredBlock readAt(long offset) throws IOException, DamagedRecordException {
    long size = ch.size();
    if (size - offset < BlockFiles.HEADER_BYTES) {
      throw damaged(offset, last, "truncated record header (" + (size - offset) + " of "
          + BlockFiles.HEADER_BYTES + " bytes)");
    }
    ByteBuffer h = ByteBuffer.allocate(BlockFiles.HEADER_BYTES);
    readFully(h, offset);
    h.flip();
    int magic = h.getInt();
    int length = h.getInt();
    long height = h.getLong();
    int crc = h.getInt();
    // A crash during an append leaves a prefix of the record, possibly followed by zeros (file
    // size updated before the data): only such damage at the very end counts as a torn tail.
    if (magic != BlockFiles.MAGIC) {
      throw damaged(offset, last && zeros(offset, size),
          String.format("bad record magic %08x", magic));
    }
    if (length < 0 || length > BlockFiles.MAX_PAYLOAD) {
      throw damaged(offset, false, "record length " + Integer.toUnsignedString(length)
          + " out of range");
    }
    long end = offset + BlockFiles.HEADER_BYTES + length;
    if (end > size) {
      throw damaged(offset, last, "truncated record: " + length + " payload bytes declared, "
          + (size - offset - BlockFiles.HEADER_BYTES) + " present");
    }
    ByteBuffer p = ByteBuffer.allocate(length);
    readFully(p, offset + BlockFiles.HEADER_BYTES);
    byte[] payload = p.array();
    if (BlockFiles.crc(length, height, payload) != crc) {
      throw damaged(offset, last && end == size, "record checksum mismatch");
    }
    if (height != position) {
      throw damaged(offset, false, "record is labelled height " + height + " at position "
          + position);
    }
    return new StoredBlock(height, new BlockLocation(segment, offset, length), payload);
  }

  private void readFully(ByteBuffer b, long at) throws IOException {
    while (b.hasRemaining()) {
      int n = ch.read(b, at + b.position());
      if (n < 0) {
        throw new IOException("unexpected end of " + BlockFiles.segmentName(segment));
      }
    }
  }

  private DamagedRecordException damaged(long offset, boolean tail, String what) {
    return new DamagedRecordException(position, segment, offset, tail, what);
  }

  private boolean zeros(long from, long to) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8192);
    for (long at = from; at < to; ) {
      b.clear();
      int n = ch.read(b, at);
      if (n <= 0) {
        return true;
      }
      for (int i = 0; i < n; i++) {
        if (b.get(i) != 0) {
          return false;
        }
      }
      at += n;
    }
    return true;
  }

  void advance() {
    position++;
  }
}
