package io.pqzk.common;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The project's one way to write a file so that a crash, a full disk or a concurrent writer never
 * leaves a half-written file under its final name: the bytes go to a temporary file in the same
 * folder (created with the final permissions, so a secret is never readable by others, not even
 * briefly), which is forced to disk, then renamed into place atomically, and the folder is forced
 * so that the rename itself survives a power cut. Every error is reported as an {@link
 * IOException} naming the file; nothing is swallowed except where the platform cannot force a
 * folder at all.
 */
public final class DurableFiles {
  /** Who may read the written file (on file systems with POSIX permissions). */
  public enum Access {
    /** rw-r--r--: public keys, signatures, proofs, genesis files, registries. */
    PUBLIC("rw-r--r--"),
    /** rw-------: private keys (encrypted or not), openings, anything secret. */
    SECRET("rw-------");

    private final String mode;

    Access(String mode) {
      this.mode = mode;
    }
  }

  /** What to do when the target exists. */
  public enum Existing {
    /** Refuse with {@link FileAlreadyExistsException}, even when another process races us. */
    REFUSE,
    /** Replace it atomically: readers see the old file or the new one, never a mix. */
    REPLACE
  }

  /** Writes a file's content to a stream. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private DurableFiles() {}

  /** Writes {@code data} to {@code file} durably (see the class comment). */
  public static void write(Path file, byte[] data, Access access, Existing existing)
      throws IOException {
    write(file, access, existing, out -> out.write(data));
  }

  /**
   * Writes what {@code body} produces to {@code file} durably (see the class comment).
   *
   * @throws FileAlreadyExistsException when {@code existing} is {@link Existing#REFUSE} and the
   *     file exists
   */
  public static void write(Path file, Access access, Existing existing, Body body)
      throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    if (existing == Existing.REFUSE && Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", attributes(dir, access));
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch));
        body.writeTo(out);
        out.flush();
        ch.force(true);
      }
      publish(tmp, target, existing);
      tmp = null;
      syncDirectory(dir);
    } finally {
      if (tmp != null) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private static void publish(Path tmp, Path target, Existing existing) throws IOException {
    if (existing == Existing.REFUSE) {
      try {
        // a hard link fails if the name exists, even when another process created it just now
        Files.createLink(target, tmp);
        Files.delete(tmp);
      } catch (UnsupportedOperationException e) {
        Files.move(tmp, target); // no hard links here: still refuses an existing name
      }
      return;
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Forces a folder's entries (a rename, a new file) to disk. Platforms that cannot open a folder
   * for that (Windows) are skipped silently: the file contents are forced already.
   */
  public static void syncDirectory(Path dir) throws IOException {
    FileChannel d;
    try {
      d = FileChannel.open(dir, StandardOpenOption.READ);
    } catch (IOException | UnsupportedOperationException e) {
      if (Files.isDirectory(dir)) {
        return; // cannot be opened for reading on this platform
      }
      throw e;
    }
    try (d) {
      d.force(true);
    }
  }

  private static FileAttribute<?>[] attributes(Path dir, Access access) {
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    return posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString(access.mode))}
        : new FileAttribute<?>[0];
  }
}
