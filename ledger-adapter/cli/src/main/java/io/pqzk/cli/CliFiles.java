package io.pqzk.cli;

import io.pqzk.common.DurableFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading inputs and writing outputs for the commands. Outputs go through {@link DurableFiles},
 * so a crash or a full disk never leaves a half-written key, signature or proof under the final
 * name, and an existing file is replaced only when asked.
 */
final class CliFiles {
  /** rw------- : private keys, encrypted or not. */
  static final DurableFiles.Access PRIVATE = DurableFiles.Access.SECRET;
  /** rw-r--r-- : public keys, signatures, proofs. */
  static final DurableFiles.Access PUBLIC = DurableFiles.Access.PUBLIC;

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
   * Writes {@code data} to {@code file} durably ({@link DurableFiles}: temporary file, fsync,
   * atomic rename, fsync of the folder), secret files 0600 from their first byte; replaces an
   * existing file only when {@code force}.
   */
  static void write(String option, Path file, byte[] data, DurableFiles.Access access,
      boolean force) {
    checkWritable(option, file, force);
    try {
      DurableFiles.write(file, data, access,
          force ? DurableFiles.Existing.REPLACE : DurableFiles.Existing.REFUSE);
    } catch (FileAlreadyExistsException e) {
      throw CliException.badInput(
          option + " " + file + ": already exists; pass --force to overwrite it");
    } catch (IOException e) {
      throw CliException.badInput(option + " " + file + ": cannot write: " + e.getMessage());
    }
  }
}
