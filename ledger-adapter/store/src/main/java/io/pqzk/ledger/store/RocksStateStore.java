package io.pqzk.ledger.store;

import io.pqzk.ledger.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A {@link StateStore} in RocksDB: the engine's index beside the block files, or a scratch
 * folder in which {@code pqzk chain verify} keeps what does not fit the heap. Each batch is one
 * atomic RocksDB write. Writes are not synced: the state is derived data, always rebuildable from
 * the block files, and after a crash it stands at a block boundary no later than the files.
 */
public final class RocksStateStore implements StateStore {
  static {
    RocksDB.loadLibrary();
  }

  private final Path dir;
  private final Options options;
  private final WriteOptions writeOptions = new WriteOptions();
  private final RocksDB db;

  private RocksStateStore(Path dir, Options options, RocksDB db) {
    this.dir = dir;
    this.options = options;
    this.db = db;
  }

  /** Opens (or creates) the store in {@code dir}. */
  public static RocksStateStore open(Path dir) throws IOException {
    Files.createDirectories(dir);
    Options options = new Options().setCreateIfMissing(true);
    try {
      return new RocksStateStore(dir, options, RocksDB.open(options, dir.toString()));
    } catch (RocksDBException e) {
      options.close();
      throw new IOException("cannot open the state store in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the store in {@code dir} (it must be closed). */
  public static void destroy(Path dir) throws IOException {
    try (Options o = new Options()) {
      RocksDB.destroyDB(dir.toString(), o);
    } catch (RocksDBException e) {
      throw new IOException("cannot delete the state store in " + dir + ": " + e.getMessage(), e);
    }
  }

  public Path directory() {
    return dir;
  }

  @Override
  public byte[] get(byte[] key) {
    try {
      return db.get(key);
    } catch (RocksDBException e) {
      throw new UncheckedIOException(new IOException("state store read failed in " + dir + ": "
          + e.getMessage(), e));
    }
  }

  @Override
  public void write(List<Put> batch) throws IOException {
    try (WriteBatch b = new WriteBatch()) {
      for (Put p : batch) {
        b.put(p.key(), p.value());
      }
      db.write(writeOptions, b);
    } catch (RocksDBException e) {
      throw new IOException("state store write failed in " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    writeOptions.close();
    db.close();
    options.close();
  }
}
