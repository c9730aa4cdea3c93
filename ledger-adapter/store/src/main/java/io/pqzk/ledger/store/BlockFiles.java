package io.pqzk.ledger.store;

import io.pqzk.common.DurableFiles;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The ledger's source of truth: append-only segment files {@code blocks-NNNNNN.dat}, each a
 * sequence of records {@code magic "PQZB" | u32 length | u64 height | u32 CRC32C | payload}
 * (big-endian; the checksum covers length, height and payload). A record is forced to disk
 * ({@code fdatasync}) before {@link #append} returns, so a returned location survives kill -9
 * and power loss; a new segment's directory entry is forced too.
 *
 * <p>The checksum detects accidental damage (torn writes, bit rot); deliberate tampering is
 * detected by the hashes and signatures inside the payload. Not thread-safe: one appender.
 */
public final class BlockFiles implements Closeable {
  static final int MAGIC = 0x50515A42;
  /** Bytes before each payload. */
  public static final int HEADER_BYTES = 20;
  /** Largest accepted payload: a bound so a damaged length cannot make us allocate gigabytes. */
  public static final int MAX_PAYLOAD = 64 << 20;
  /** Default segment size before rolling over to a new file. */
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
  private static final Pattern NAME = Pattern.compile("blocks-(\\d{6})\\.dat");

  private final Path dir;
  private final long segmentBytes;
  private FileChannel tail;
  private int tailSegment;
  private long tailSize;

  private BlockFiles(Path dir, long segmentBytes) {
    this.dir = dir;
    this.segmentBytes = segmentBytes;
  }

  public static String segmentName(int segment) {
    return String.format("blocks-%06d.dat", segment);
  }

  /**
   * Opens for appending after {@code end} (the end of the last good record, or null for an empty
   * store). Everything after {@code end} in its segment must already have been truncated.
   */
  public static BlockFiles openForAppend(Path dir, BlockLocation lastGood, long segmentBytes)
      throws IOException {
    Files.createDirectories(dir);
    BlockFiles f = new BlockFiles(dir, segmentBytes);
    int seg = lastGood == null ? 0 : lastGood.segment();
    f.openTail(seg);
    long end = lastGood == null ? 0 : lastGood.end();
    if (f.tail.size() != end) {
      f.close();
      throw new IOException(segmentName(seg) + " has " + f.tail.size() + " bytes, expected " + end
          + " (recover the tail first)");
    }
    return f;
  }

  private void openTail(int seg) throws IOException {
    Path p = dir.resolve(segmentName(seg));
    boolean created = !Files.exists(p);
    tail = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    if (created) {
      DurableFiles.syncDirectory(dir);
    }
    tailSegment = seg;
    tailSize = tail.size();
    tail.position(tailSize);
  }

  /** Appends one record and forces it to disk; returns where it is. */
  public BlockLocation append(long height, byte[] payload) throws IOException {
    if (payload.length > MAX_PAYLOAD) {
      throw new IllegalArgumentException("block of " + payload.length + " bytes exceeds "
          + MAX_PAYLOAD);
    }
    if (tailSize > 0 && tailSize + HEADER_BYTES + payload.length > segmentBytes) {
      tail.close();
      openTail(tailSegment + 1);
    }
    ByteBuffer rec = ByteBuffer.allocate(HEADER_BYTES + payload.length);
    rec.putInt(MAGIC).putInt(payload.length).putLong(height).putInt(crc(payload.length, height,
        payload)).put(payload).flip();
    long offset = tailSize;
    try {
      while (rec.hasRemaining()) {
        tail.write(rec);
      }
      tail.force(false);
    } catch (IOException e) {
      // Leave no partial record behind a later append (disk full, I/O error): cut it off.
      try {
        tail.truncate(offset);
        tail.position(offset);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    tailSize += HEADER_BYTES + payload.length;
    return new BlockLocation(tailSegment, offset, payload.length);
  }

  @Override
  public void close() throws IOException {
    if (tail != null) {
      tail.close();
      tail = null;
    }
  }

  static int crc(int length, long height, byte[] payload) {
    CRC32C c = new CRC32C();
    c.update(ByteBuffer.allocate(12).putInt(length).putLong(height).flip());
    c.update(payload);
    return (int) c.getValue();
  }

  /** Segment numbers present, in order; they must be 0..n-1 without gaps. */
  public static List<Integer> segments(Path dir) throws IOException {
    List<Integer> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      s.map(p -> NAME.matcher(p.getFileName().toString()))
          .filter(java.util.regex.Matcher::matches)
          .map(m -> Integer.parseInt(m.group(1)))
          .sorted()
          .forEach(out::add);
    }
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i) != i) {
        throw new IOException("block files are not contiguous: " + segmentName(i) + " is missing");
      }
    }
    return out;
  }

  /** Reads one record at a known location and checks it. */
  public static StoredBlock read(Path dir, BlockLocation loc, long expectedHeight)
      throws IOException, DamagedRecordException {
    try (FileChannel ch = FileChannel.open(dir.resolve(segmentName(loc.segment())),
        StandardOpenOption.READ)) {
      return new SegmentReader(ch, loc.segment(), expectedHeight, false).readAt(loc.offset());
    }
  }

  /**
   * Truncates segment {@code segment} to {@code offset}, first copying the dropped bytes to
   * {@code torn-NNNNNN-OFFSET.bin} beside it so nothing is destroyed without a trace.
   */
  public static long truncateTail(Path dir, int segment, long offset) throws IOException {
    Path p = dir.resolve(segmentName(segment));
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long dropped = ch.size() - offset;
      if (dropped <= 0) {
        return 0;
      }
      Path keep = dir.resolve(String.format("torn-%06d-%d.bin", segment, offset));
      DurableFiles.write(keep, DurableFiles.Access.PUBLIC, DurableFiles.Existing.REPLACE,
          out -> ch.transferTo(offset, dropped, java.nio.channels.Channels.newChannel(out)));
      ch.truncate(offset);
      ch.force(true);
      DurableFiles.syncDirectory(dir);
      return dropped;
    }
  }


}
