package io.pqzk.cli.demo;

import io.pqzk.common.DurableFiles;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.MalformedInputException;
import io.pqzk.ledger.Printable;
import io.pqzk.ledger.store.DataDirectory;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The data directory of a demo, and the only files a demo ever deletes. A demo directory is
 * marked by a {@value #MARKER} file, the first thing a demo writes into it. Preparing one:
 *
 * <ul>
 *   <li>refuses a directory that holds anything but a {@code LOCK} file and has no marker, with
 *       or without {@code --force}: it may be a user's or a real node's, and nothing in it is the
 *       demo's to delete;
 *   <li>takes the ledger lock ({@code DIR/LOCK}, the file lock the engine takes) before changing
 *       anything, and refuses when another process, or this one, holds the ledger open;
 *   <li>without {@code --force}, refuses a demo directory that holds a chain;
 *   <li>then deletes, by name, only what a demo or its engine writes ({@code genesis.json},
 *       {@code FORMAT}, {@code head.qc}, the block files, the index, the demo's key and record
 *       files, and temporary files a crash left of them); never a lock file, never a symbolic
 *       link or what it points to, and anything else stays where it is.
 * </ul>
 *
 * <p>The lock is held while the directory is cleared and the keys, genesis and records are
 * written, and {@link #release released} just before the engine opens the ledger, which takes
 * the same lock (one JVM cannot hold a file lock twice). Another process that takes the lock in
 * between makes the engine's open fail; it cannot make the demo delete anything.
 */
final class DemoDirectory implements Closeable {
  static final String MARKER = "PQZK-DEMO";
  /** The engine's lock file (taken by {@code Ledger.open}): never deleted. */
  static final String LOCK = "LOCK";

  /** Files a demo, or the engine it runs, writes at the top of its directory. */
  private static final Set<String> FILES = Set.of(Genesis.FILE_NAME, DataDirectory.FORMAT_FILE,
      DataDirectory.HEAD_CERTIFICATE);
  /** Folders a demo, or its engine, writes, and the names of the files each holds. */
  private static final Map<String, Pattern> FOLDERS = Map.of(
      "blocks", Pattern.compile("blocks-\\d{6}\\.dat|torn-\\d{6}-\\d+\\.bin"),
      "index", Pattern.compile("(?!LOCK$)[A-Za-z0-9._-]+"), // RocksDB's files, but its lock
      "keys", Pattern.compile("DEMO-PASSPHRASE|README\\.txt"
          + "|[A-Za-z0-9-]+\\.(ML-DSA|SLH-DSA)-[A-Za-z0-9-]+\\.(pub|key)"),
      "records", Pattern.compile("records\\.csv|openings\\.csv"));
  /** What a durable write leaves when a crash stops it: ".NAME", digits, ".tmp". */
  private static final Pattern TEMPORARY = Pattern.compile("\\.(.+?)\\d+\\.tmp");

  /** Descriptors of lock files another part of this JVM holds locked: never closed. */
  private static final List<FileChannel> KEPT_OPEN =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  private final FileChannel channel;
  private FileLock lock;

  private DemoDirectory(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Makes {@code dir} ready for a new demo chain and returns it with the ledger lock held.
   *
   * @throws MalformedInputException when the directory is not the demo's to change, is open in
   *     another process, or holds a chain and {@code force} is false: nothing was changed
   */
  static DemoDirectory prepare(Path dir, boolean force) throws IOException,
      MalformedInputException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new MalformedInputException(dir + " exists and is not a directory");
    }
    refuseForeign(dir); // before anything is written, the lock file included
    Files.createDirectories(dir);
    FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      // A ledger is open in this JVM. Closing this second descriptor of the lock file would drop
      // the process's POSIX lock (fcntl locks belong to the process, and any close of the file
      // releases them), leaving that ledger unguarded: keep it open for the JVM's lifetime.
      KEPT_OPEN.add(ch);
      throw openElsewhere(dir);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (lock == null) {
      ch.close();
      throw openElsewhere(dir);
    }
    DemoDirectory d = new DemoDirectory(ch, lock);
    try {
      refuseForeign(dir); // again, now that no demo and no engine can change it under us
      if (!force && (Files.exists(dir.resolve(Genesis.FILE_NAME))
          || Files.exists(dir.resolve("blocks")))) {
        throw new MalformedInputException(dir + " already holds a chain; pass --force to replace"
            + " it, or check it with `pqzk chain verify --data " + dir + "`");
      }
      Path marker = dir.resolve(MARKER);
      if (!Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
        DurableFiles.write(marker, ("Made by `pqzk demo`. `pqzk demo --force` replaces what a"
            + " demo wrote here (genesis.json, FORMAT, head.qc, blocks/, index/, keys/,"
            + " records/) and nothing else.\n").getBytes(StandardCharsets.US_ASCII),
            DurableFiles.Access.PUBLIC, DurableFiles.Existing.REFUSE);
      }
      clear(dir);
      return d;
    } catch (IOException | MalformedInputException | RuntimeException e) {
      d.close();
      throw e;
    }
  }

  private static MalformedInputException openElsewhere(Path dir) {
    return new MalformedInputException("the ledger in " + dir + " is open in another process;"
        + " the demo changed nothing: close it first, or choose another --data");
  }

  /** Lets the engine take the ledger lock; idempotent. */
  void release() throws IOException {
    if (lock != null) {
      try {
        lock.release();
      } finally {
        lock = null;
        channel.close();
      }
    }
  }

  @Override
  public void close() throws IOException {
    release();
  }

  /** Refuses a directory with entries (but a lock file) and no marker. */
  private static void refuseForeign(Path dir) throws IOException, MalformedInputException {
    if (!Files.isDirectory(dir) || Files.exists(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<String> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(LOCK)).sorted()
          .toList();
    }
    if (!entries.isEmpty()) {
      String some = String.join(", ", entries.stream().limit(3).map(Printable::escape).toList())
          + (entries.size() > 3 ? ", ..." : "");
      throw new MalformedInputException(dir + " is not empty (" + some + ") and is not a pqzk"
          + " demo directory (no " + MARKER + " file): the demo writes only into a new or empty"
          + " directory or one an earlier demo made, and deletes nothing else, even with --force;"
          + " choose another --data");
    }
  }

  /** Deletes what a demo wrote in the marked directory {@code dir}. */
  private static void clear(Path dir) throws IOException {
    for (Path p : list(dir)) {
      String name = p.getFileName().toString();
      Pattern inside = FOLDERS.get(name);
      if (inside != null && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        for (Path f : list(p)) {
          if (ours(f, inside)) {
            Files.delete(f);
          }
        }
        if (list(p).isEmpty()) {
          Files.delete(p);
        }
      } else if (ours(p, FILES)) {
        Files.delete(p);
      }
    }
  }

  private static boolean ours(Path p, Pattern names) {
    return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
        && names.matcher(unwrapTemporary(p.getFileName().toString())).matches();
  }

  private static boolean ours(Path p, Set<String> names) {
    return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
        && names.contains(unwrapTemporary(p.getFileName().toString()));
  }

  /** The name a crash-left temporary file was to get, or {@code name} itself. */
  private static String unwrapTemporary(String name) {
    Matcher m = TEMPORARY.matcher(name);
    return m.matches() ? m.group(1) : name;
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }
}
