package io.pqzk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Reading inputs and writing outputs for the signature commands. Outputs are written to a
 * temporary file in the target's folder, flushed to disk, then moved into place, so a crash or a
 * full disk never leaves a half-written key or signature under the final name, and an existing
 * file is replaced only when asked.
 */
final class CliFiles {
  /** rw------- : private keys, encrypted or not. */
  static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
  /** rw-r--r-- : public keys and signatures. */
  static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

  private CliFiles() {}

  /** Reads a whole input file ({@code -} is standard input); errors name the option and file. */
  static byte[] read(String option, Path file) {
    try {
      if (file.toString().equals("-")) {
        InputStream in = System.in;
        return in.readAllBytes();
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw CliException.badInput(option + " " + file + ": no such file");
    } catch (AccessDeniedException e) {
      throw CliException.badInput(option + " " + file + ": permission denied");
    } catch (IOException e) {
      throw CliException.badInput(option + " " + file + ": cannot read: " + e.getMessage());
    }
  }

  /** Fails unless {@code file} may be written: absent, or {@code force} given. */
  static void checkWritable(String option, Path file, boolean force) {
    if (!force && Files.exists(file)) {
      throw CliException.badInput(
          option + " " + file + ": already exists; pass --force to overwrite it");
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw CliException.badInput(option + " " + file + ": folder " + dir + " does not exist");
    }
  }

  /**
   * Writes {@code data} to {@code file} with the given permissions (where the file system has
   * POSIX permissions), atomically; replaces an existing file only when {@code force}.
   */
  static void write(String option, Path file, byte[] data, Set<PosixFilePermission> perms,
      boolean force) {
    checkWritable(option, file, force);
    Path target = file.toAbsolutePath();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp",
          attributes(target, perms));
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(data);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      if (force) {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } else {
        // no REPLACE_EXISTING: a file that appeared since the check is not clobbered
        Files.move(tmp, target);
      }
      tmp = null;
    } catch (FileAlreadyExistsException e) {
      throw CliException.badInput(
          option + " " + file + ": already exists; pass --force to overwrite it");
    } catch (IOException e) {
      throw CliException.badInput(option + " " + file + ": cannot write: " + e.getMessage());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the temporary name starts with '.' and ends with .tmp
        }
      }
    }
  }

  private static FileAttribute<?>[] attributes(Path target, Set<PosixFilePermission> perms) {
    boolean posix = target.getParent().getFileSystem().supportedFileAttributeViews()
        .contains("posix");
    return posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)}
        : new FileAttribute<?>[0];
  }
}
