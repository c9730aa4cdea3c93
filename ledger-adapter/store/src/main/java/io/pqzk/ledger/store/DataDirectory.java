package io.pqzk.ledger.store;

import io.pqzk.common.DurableFiles;
import io.pqzk.ledger.MalformedInputException;
import io.pqzk.ledger.UnsupportedVersionException;
import io.pqzk.ledger.proto.QuorumCertificate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The layout of a ledger data directory: {@code FORMAT} (the directory's format version),
 * {@code genesis.json}, {@code blocks/} (the block files, the source of truth), {@code
 * head.qc} (the commit certificate of the head block, written durably after the block) and
 * {@code index/} (derived state, rebuildable from the block files).
 */
public final class DataDirectory {
  /** The format this build writes and reads. */
  public static final String FORMAT = "pqzk-data/v2";
  public static final String FORMAT_FILE = "FORMAT";
  public static final String HEAD_CERTIFICATE = "head.qc";

  private DataDirectory() {}

  public static Path blocks(Path dir) {
    return dir.resolve("blocks");
  }

  public static Path headCertificate(Path dir) {
    return dir.resolve(HEAD_CERTIFICATE);
  }

  /**
   * Checks the directory's format version, writing it into a directory that holds no blocks
   * yet. A directory of another version is refused, never misread.
   */
  public static void checkFormat(Path dir, boolean create) throws IOException,
      MalformedInputException {
    Path f = dir.resolve(FORMAT_FILE);
    if (Files.exists(f)) {
      String v = Files.readString(f, StandardCharsets.US_ASCII).strip();
      if (!v.equals(FORMAT)) {
        throw new UnsupportedVersionException("data directory " + dir + " has format '"
            + printable(v) + "'; this pqzk reads " + FORMAT + " only: open it with the pqzk"
            + " that wrote it, or start a new chain in another directory");
      }
      return;
    }
    if (Files.isDirectory(blocks(dir)) && !BlockFiles.segments(blocks(dir)).isEmpty()) {
      throw new UnsupportedVersionException("data directory " + dir + " holds block files but"
          + " no FORMAT file: it was written by an earlier pqzk (format pqzk-data/v1, single-key"
          + " blocks without commit certificates), which this version does not read; start a"
          + " new chain in another directory");
    }
    if (create) {
      DurableFiles.write(f, (FORMAT + "\n").getBytes(StandardCharsets.US_ASCII),
          DurableFiles.Access.PUBLIC, DurableFiles.Existing.REPLACE);
    }
  }

  /** The stored head certificate's bytes, or null when there is none. */
  public static byte[] readHeadCertificate(Path dir) throws IOException {
    Path f = headCertificate(dir);
    return Files.exists(f) ? Files.readAllBytes(f) : null;
  }

  /** Stores the head certificate durably (it makes the head block final). */
  public static void writeHeadCertificate(Path dir, QuorumCertificate qc) throws IOException {
    DurableFiles.write(headCertificate(dir), qc.toByteArray(), DurableFiles.Access.PUBLIC,
        DurableFiles.Existing.REPLACE);
  }

  private static String printable(String s) {
    return io.pqzk.ledger.Printable.escape(s.length() > 64 ? s.substring(0, 64) : s);
  }
}
