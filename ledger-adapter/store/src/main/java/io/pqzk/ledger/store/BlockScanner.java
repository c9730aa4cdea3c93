package io.pqzk.ledger.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads every record of the block files in order, read-only, checking magic, length, checksum
 * and that record {@code i} is labelled height {@code i}. Optionally starts after a known
 * location (recovery resumes where the index stopped).
 */
public final class BlockScanner implements Closeable {
  private final Path dir;
  private final List<Integer> segments;
  private int segIndex;
  private FileChannel ch;
  private SegmentReader reader;
  private long offset;
  private long nextHeight;

  private BlockScanner(Path dir, List<Integer> segments) {
    this.dir = dir;
    this.segments = segments;
  }

  /** Scans from the first record. */
  public static BlockScanner fromStart(Path dir) throws IOException {
    return after(dir, null, -1);
  }

  /** Scans from the record after {@code last} (block {@code lastHeight}); null = from start. */
  public static BlockScanner after(Path dir, BlockLocation last, long lastHeight)
      throws IOException {
    BlockScanner s = new BlockScanner(dir, BlockFiles.segments(dir));
    s.nextHeight = lastHeight + 1;
    if (last != null) {
      if (last.segment() >= s.segments.size()) {
        throw new IOException(BlockFiles.segmentName(last.segment()) + " is missing");
      }
      s.segIndex = last.segment();
      s.offset = last.end();
    }
    return s;
  }

  /** The next record, or null at the clean end of the files. */
  public StoredBlock next() throws IOException, DamagedRecordException {
    while (segIndex < segments.size()) {
      if (ch == null) {
        ch = FileChannel.open(dir.resolve(BlockFiles.segmentName(segIndex)),
            StandardOpenOption.READ);
        reader = new SegmentReader(ch, segIndex, nextHeight, segIndex == segments.size() - 1);
      }
      if (offset < ch.size()) {
        StoredBlock b = reader.readAt(offset);
        offset = b.location().end();
        nextHeight++;
        reader.advance();
        return b;
      }
      ch.close();
      ch = null;
      segIndex++;
      offset = 0;
    }
    return null;
  }

  /** Height the next record must have. */
  public long nextHeight() {
    return nextHeight;
  }

  @Override
  public void close() throws IOException {
    if (ch != null) {
      ch.close();
      ch = null;
    }
  }
}
