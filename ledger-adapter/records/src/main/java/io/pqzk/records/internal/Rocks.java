package io.pqzk.records.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * One RocksDB database as the vault, the key store, the escrow and the chain index use it: every
 * write synced (these stores are sources of truth, not derived data), no compression (ciphertext
 * does not compress, and a leak scan must see what is stored), and {@link #shred} to make deleted
 * entries leave the files: delete, flush the memtable, compact every level, so the files that
 * held the old values become obsolete and RocksDB removes them. One process at a time (RocksDB's
 * own lock).
 */
public final class Rocks implements Closeable {
  static {
    RocksDB.loadLibrary();
  }

  private final Path dir;
  private final Options options;
  private final WriteOptions sync;
  private final RocksDB db;

  private Rocks(Path dir, Options options, WriteOptions sync, RocksDB db) {
    this.dir = dir;
    this.options = options;
    this.sync = sync;
    this.db = db;
  }

  public static Rocks open(Path dir) throws IOException {
    Files.createDirectories(dir);
    Options o = new Options().setCreateIfMissing(true)
        .setCompressionType(CompressionType.NO_COMPRESSION)
        .setBottommostCompressionType(CompressionType.NO_COMPRESSION)
        .setKeepLogFileNum(2)
        .setWalTtlSeconds(0).setWalSizeLimitMB(0)
        .setDeleteObsoleteFilesPeriodMicros(0);
    WriteOptions w = new WriteOptions().setSync(true);
    try {
      return new Rocks(dir, o, w, RocksDB.open(o, dir.toString()));
    } catch (RocksDBException e) {
      w.close();
      o.close();
      String why = String.valueOf(e.getMessage());
      if (why.contains("lock")) {
        throw new IOException(dir + " is open in another process (" + why + ")", e);
      }
      throw new IOException("cannot open " + dir + ": " + why, e);
    }
  }

  public Path directory() {
    return dir;
  }

  public byte[] get(byte[] key) throws IOException {
    try {
      return db.get(key);
    } catch (RocksDBException e) {
      throw new IOException("read failed in " + dir + ": " + e.getMessage(), e);
    }
  }

  public void put(byte[] key, byte[] value) throws IOException {
    write(Map.of(new Key(key), value), List.of());
  }

  /** Puts and deletes in one synced atomic batch. */
  public void write(Map<Key, byte[]> puts, List<byte[]> deletes) throws IOException {
    try (WriteBatch b = new WriteBatch()) {
      for (Map.Entry<Key, byte[]> e : puts.entrySet()) {
        b.put(e.getKey().bytes(), e.getValue());
      }
      for (byte[] d : deletes) {
        b.delete(d);
      }
      db.write(sync, b);
    } catch (RocksDBException e) {
      throw new IOException("write failed in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Every key starting with {@code prefix}, in order (each a copy). */
  public List<byte[]> keys(byte[] prefix) {
    List<byte[]> out = new ArrayList<>();
    try (RocksIterator it = db.newIterator()) {
      for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
        out.add(it.key());
      }
    }
    return out;
  }

  /** Every (key, value) under {@code prefix}, in order. */
  public List<byte[][]> entries(byte[] prefix) {
    List<byte[][]> out = new ArrayList<>();
    try (RocksIterator it = db.newIterator()) {
      for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
        out.add(new byte[][] {it.key(), it.value()});
      }
    }
    return out;
  }

  /**
   * Deletes {@code keys} and makes the deletion reach the files: flush, then a full compaction,
   * so no SST file or write-ahead log still holding the old values survives it.
   */
  public void shred(List<byte[]> keys) throws IOException {
    write(Map.of(), keys);
    try (FlushOptions f = new FlushOptions().setWaitForFlush(true);
        CompactRangeOptions c = new CompactRangeOptions()
            .setBottommostLevelCompaction(CompactRangeOptions.BottommostLevelCompaction.kForce)
            .setExclusiveManualCompaction(true)) {
      db.flush(f);
      db.compactRange(db.getDefaultColumnFamily(), null, null, c);
      db.flushWal(true);
    } catch (RocksDBException e) {
      throw new IOException("compaction failed in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  public static byte[] key(char prefix, byte[]... parts) {
    int n = 1;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] k = new byte[n];
    k[0] = (byte) prefix;
    int at = 1;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, k, at, p.length);
      at += p.length;
    }
    return k;
  }

  /** A map key over bytes. */
  public record Key(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }
  }

  @Override
  public void close() {
    db.close();
    sync.close();
    options.close();
  }
}
