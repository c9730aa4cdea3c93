package io.pqzk.cli;

import io.pqzk.ledger.StateStore;
import io.pqzk.ledger.store.RocksStateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where {@code chain verify} keeps what it learns (transaction ids, commitments, grants, header
 * hashes): a RocksDB store in a fresh folder under the temporary directory, deleted on close, so
 * that the heap does not grow with the chain. Its failures (a full or failing disk, a temporary
 * directory that cannot be written) are {@link Failure}s: faults of the machine, which the
 * command reports as internal errors, never as a verdict on the chain or its files.
 */
final class ScratchStore implements StateStore {
  /**
   * The folder of the store open in this process, for {@link #deleteLive}: a thread that dies
   * ends the process with {@code Runtime.halt}, which runs no {@code close} (each such run left
   * 75 MB under the temporary directory).
   */
  private static volatile Path live;

  private final Path dir;
  private final RocksStateStore store;

  private ScratchStore(Path dir, RocksStateStore store) {
    this.dir = dir;
    this.store = store;
  }

  /** A fresh, empty store. */
  static ScratchStore create() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("pqzk-verify-");
      live = dir;
      return new ScratchStore(dir, RocksStateStore.open(dir));
    } catch (IOException e) {
      live = null;
      deleteQuietly(dir);
      throw new Failure("it cannot be made in the temporary directory "
          + System.getProperty("java.io.tmpdir") + " (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public byte[] get(byte[] key) {
    try {
      return store.get(key);
    } catch (UncheckedIOException e) {
      throw new Failure(e.getCause().getMessage(), e);
    }
  }

  @Override
  public void write(List<Put> batch) {
    try {
      store.write(batch);
    } catch (IOException e) {
      throw new Failure(e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      store.close();
    } finally {
      live = null;
      deleteQuietly(dir);
    }
  }

  /**
   * Deletes the folder of the store open in this process, if any, without closing the store
   * (the process is about to halt; on Linux RocksDB's open files go with it).
   */
  static void deleteLive() {
    Path dir = live;
    live = null;
    deleteQuietly(dir);
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // a folder under the temporary directory: left for the system to clean
    }
  }

  /** The scratch store failed: the machine's fault, not the chain's. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
