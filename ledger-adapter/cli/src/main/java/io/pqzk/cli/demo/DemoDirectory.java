package io.pqzk.cli.demo;

import io.pqzk.common.DurableFiles;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.MalformedInputException;
import io.pqzk.ledger.Printable;
import io.pqzk.ledger.store.DataDirectory;
import io.pqzk.records.service.NodeLayout;
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
 *   <li>then deletes, by name, only what a demo, its engine or its custodian writes ({@code
 *       genesis.json}, {@code FORMAT}, {@code head.qc}, the block files, the index, the key
 *       files and TLS certificates in {@code keys/}, the custodian's vault, chain index and key
 *       store, the owner's escrow, an older demo's {@code records/} files, and temporary files a
 *       crash left of them), after checking that none of those RocksDB stores is open in
 *       another process; never a lock file, never a symbolic link or what it points to, and
 *       anything else stays where it is.
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

  /**
   * The files of a RocksDB store, as RocksDB names them (its {@code LOCK} is not among them: a
   * lock file is never deleted, and RocksDB takes the one it finds).
   */
  private static final Pattern ROCKSDB = Pattern.compile("CURRENT|IDENTITY|LOG(\\.old\\.\\d+)?"
      + "|(MANIFEST|OPTIONS)-\\d+|\\d+\\.(log|sst|blob)|((MANIFEST-|OPTIONS-)?\\d+)\\.dbtmp");

  /**
   * What a demo writes in a folder: files by name, sub-folders by name; a RocksDB store's
   * folder is checked not to be open elsewhere (its {@code LOCK}) before anything is deleted.
   */
  private record Folder(Pattern files, Map<String, Folder> folders, boolean store) {
    static Folder files(String names) {
      return new Folder(Pattern.compile(names), Map.of(), false);
    }

    static Folder rocksDb() {
      return new Folder(ROCKSDB, Map.of(), true);
    }

    /** A folder of sub-folders only: none of its own files is the demo's. */
    static Folder only(Map<String, Folder> folders) {
      return new Folder(Pattern.compile("(?!)"), folders, false);
    }
  }

  /**
   * Everything a demo, the engine it runs and the custodian it runs write, and what earlier
   * demos wrote ({@code records/}). The names are the writers': {@code Genesis.FILE_NAME},
   * {@code DataDirectory}, {@code BlockFiles}, the records module's {@code NodeLayout}, {@code
   * KeyDirectory} ({@code NAME.ALG.pub|key}, X-Wing keys too), {@code Pki} ({@code
   * NAME.crt.pem}, {@code NAME.tls.key}) and {@code Custodian.Options.of} (vault, chain index
   * and key store under {@code custodian/}); a demo run followed by {@link #prepare} with
   * {@code force} leaves only lock files, the marker and what is not the demo's (a test).
   */
  private static final Folder LAYOUT = new Folder(Pattern.compile(
      Pattern.quote(Genesis.FILE_NAME) + "|" + Pattern.quote(DataDirectory.FORMAT_FILE) + "|"
          + Pattern.quote(DataDirectory.HEAD_CERTIFICATE)),
      Map.of(
          "blocks", Folder.files("blocks-\\d{6}\\.dat|torn-\\d{6}-\\d+\\.bin"),
          "index", Folder.rocksDb(),
          NodeLayout.KEYS, new Folder(Pattern.compile(Pattern.quote(NodeLayout.DEMO_PASSPHRASE)
              + "|README\\.txt"
              + "|[A-Za-z0-9-]+\\.(ML-DSA-[0-9]+|SLH-DSA-[A-Za-z0-9-]+|X-Wing)\\.(pub|key)"),
              Map.of(NodeLayout.TLS, Folder.files("[A-Za-z0-9-]+\\.(crt\\.pem|tls\\.key)")),
              false),
          "records", Folder.files("records\\.csv|openings\\.csv"),
          NodeLayout.CUSTODIAN, Folder.only(Map.of("vault", Folder.rocksDb(),
              "chain-index", Folder.rocksDb(), "keystore", Folder.rocksDb())),
          NodeLayout.ESCROW, Folder.rocksDb()),
      false);
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
            + " custodian/, escrow/) and nothing else.\n").getBytes(StandardCharsets.US_ASCII),
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

  private static MalformedInputException storeOpen(Path store) {
    return new MalformedInputException("the store in " + store + " is open in another process"
        + " (a pqzk records or audit command?); the demo deleted nothing: close it first, or"
        + " choose another --data");
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

  /**
   * Deletes what a demo wrote in the marked directory {@code dir}: first every RocksDB store's
   * lock is taken (one open in another process, a {@code records} command on the custodian's
   * escrow say, refuses the whole with nothing deleted), then the files go, then the locks.
   */
  private static void clear(Path dir) throws IOException, MalformedInputException {
    List<FileChannel> held = new java.util.ArrayList<>();
    try {
      lockStores(dir, LAYOUT, held);
      clear(dir, LAYOUT);
    } finally {
      for (FileChannel ch : held) {
        ch.close(); // releases its lock
      }
    }
  }

  private static void lockStores(Path dir, Folder folder, List<FileChannel> held)
      throws IOException, MalformedInputException {
    if (folder.store()) {
      Path lockFile = dir.resolve(LOCK);
      if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
        return; // never opened, or not RocksDB's
      }
      FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        KEPT_OPEN.add(ch); // as in prepare: closing it would drop this JVM's lock
        throw storeOpen(dir);
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
      if (l == null) {
        ch.close();
        throw storeOpen(dir);
      }
      held.add(ch);
      return;
    }
    for (Map.Entry<String, Folder> e : folder.folders().entrySet()) {
      Path sub = dir.resolve(e.getKey());
      if (Files.isDirectory(sub, LinkOption.NOFOLLOW_LINKS)) {
        lockStores(sub, e.getValue(), held);
      }
    }
  }

  /** Deletes the files of {@code folder} in {@code dir}, and each sub-folder left empty. */
  private static void clear(Path dir, Folder folder) throws IOException {
    for (Path p : list(dir)) {
      String name = p.getFileName().toString();
      Folder inside = folder.folders().get(name);
      if (inside != null && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        clear(p, inside);
        if (list(p).isEmpty()) {
          Files.delete(p);
        }
      } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
          && folder.files().matcher(unwrapTemporary(name)).matches()) {
        Files.delete(p);
      }
    }
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
