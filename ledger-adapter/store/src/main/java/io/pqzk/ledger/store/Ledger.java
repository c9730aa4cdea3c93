package io.pqzk.ledger.store;

import io.pqzk.ledger.BlockDraft;
import io.pqzk.ledger.BlockEffects;
import io.pqzk.ledger.BlockRejectedException;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.BlockSealer;
import io.pqzk.ledger.ChainState;
import io.pqzk.ledger.ForeignStateException;
import io.pqzk.ledger.LedgerCorruptedException;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.ParsedTransaction;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.StateKeys;
import io.pqzk.ledger.StateStore;
import io.pqzk.ledger.TransactionRejectedException;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded ledger engine over a data directory ({@code genesis.json}, {@code blocks/},
 * {@code index/}). Transactions are checked on submission (well-formed, known author, signature,
 * no replay, payload rules); {@link #seal} builds the next block from them, signs it, appends it
 * to the block files, forces it to disk, then indexes it: when {@code seal} returns, the block
 * survives kill -9.
 *
 * <p>Opening recovers: blocks in the files beyond the index are re-validated and indexed; a torn
 * record at the very end (a crash during an append, never acknowledged) is moved aside to a
 * {@code torn-*.bin} file and truncated; any other damage stops the open with
 * {@link LedgerCorruptedException}. One process at a time (a lock file); methods are
 * synchronized.
 */
public final class Ledger implements Closeable {
  /** What happened when the ledger was opened. */
  public record Recovery(long indexedHeight, long recoveredBlocks, long truncatedBytes) {}

  /** What {@link #seal} produced. */
  public record SealResult(long height, BlockLocation location, BlockSealer.Sealed sealed,
      List<String> dropped, long appendNanos) {}

  private final Path dir;
  private final BlockRules rules;
  private final BlockSealer sealer;
  private final RocksStateStore store;
  private final ChainState index;
  private final BlockFiles files;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Recovery recovery;
  private final List<ParsedTransaction> pending = new ArrayList<>();
  private BlockDraft admission;
  /** Set when a block reached the files but not the index: only a reopen can reconcile them. */
  private IOException failed;

  private Ledger(Path dir, BlockRules rules, RocksStateStore store, ChainState index,
      BlockFiles files, FileChannel lockChannel, FileLock lock, Recovery recovery) {
    this.dir = dir;
    this.rules = rules;
    this.sealer = new BlockSealer(rules);
    this.store = store;
    this.index = index;
    this.files = files;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.recovery = recovery;
  }

  public static Path blocksDir(Path dataDir) {
    return dataDir.resolve("blocks");
  }

  /** Opens the ledger in {@code dataDir} with {@code rules} (built from its genesis). */
  public static Ledger open(Path dataDir, BlockRules rules) throws LedgerException, IOException {
    return open(dataDir, rules, BlockFiles.DEFAULT_SEGMENT_BYTES);
  }

  public static Ledger open(Path dataDir, BlockRules rules, long segmentBytes)
      throws LedgerException, IOException {
    Files.createDirectories(dataDir);
    FileChannel lc = FileChannel.open(dataDir.resolve("LOCK"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = lc.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      lc.close();
      throw new LedgerException("the ledger in " + dataDir + " is open in another process");
    }
    RocksStateStore store = null;
    try {
      Path indexDir = dataDir.resolve("index");
      store = RocksStateStore.open(indexDir);
      ChainState index;
      try {
        index = ChainState.open(rules.genesis(), store);
      } catch (ForeignStateException e) {
        // derived data of another chain: discard it, the block files rebuild it
        store.close();
        store = null;
        RocksStateStore.destroy(indexDir);
        store = RocksStateStore.open(indexDir);
        index = ChainState.open(rules.genesis(), store);
      }
      Recovery rec = recover(blocksDir(dataDir), rules, index);
      BlockLocation last = index.height() < 0 ? null : location(index, index.height());
      BlockFiles files = BlockFiles.openForAppend(blocksDir(dataDir), last, segmentBytes);
      return new Ledger(dataDir, rules, store, index, files, lc, lock, rec);
    } catch (LedgerException | IOException | RuntimeException e) {
      if (store != null) {
        store.close();
      }
      lock.release();
      lc.close();
      throw e;
    }
  }

  /** Where block {@code h} lies in the files, as the index recorded it, or null. */
  private static BlockLocation location(ChainState index, long h) {
    byte[] v = index.get(StateKeys.key(StateKeys.LOCAL, h));
    if (v == null) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(v);
    return new BlockLocation(b.getInt(), b.getLong(), b.getInt());
  }

  private static List<StateStore.Put> locationRecord(long h, BlockLocation where) {
    return List.of(new StateStore.Put(StateKeys.key(StateKeys.LOCAL, h),
        ByteBuffer.allocate(16).putInt(where.segment()).putLong(where.offset())
            .putInt(where.length()).array()));
  }

  private static Recovery recover(Path blocks, BlockRules rules, ChainState index)
      throws LedgerException, IOException {
    long indexed = index.height();
    BlockLocation last = null;
    if (indexed >= 0) {
      last = location(index, indexed);
      try {
        BlockFiles.read(blocks, last, indexed);
      } catch (DamagedRecordException | IOException e) {
        throw new LedgerCorruptedException("the index knows block " + indexed
            + " but the block files no longer hold it intact (" + e.getMessage()
            + "); refusing to open: restore the block files or delete index/ to rebuild");
      }
    }
    long recovered = 0;
    long truncated = 0;
    try (BlockScanner scanner = BlockScanner.after(blocks, last, indexed)) {
      while (true) {
        StoredBlock b;
        try {
          b = scanner.next();
        } catch (DamagedRecordException e) {
          if (!e.atTail()) {
            throw new LedgerCorruptedException("damaged block file before its end: "
                + e.getMessage());
          }
          truncated = BlockFiles.truncateTail(blocks, e.segment(), e.offset());
          break;
        }
        if (b == null) {
          break;
        }
        BlockRules.ValidatedBlock v;
        try {
          v = rules.validate(b.payload(), index);
        } catch (BlockRejectedException e) {
          throw new LedgerCorruptedException("stored " + e.getMessage()
              + "; refusing to open", e);
        }
        index.apply(v.effects(), locationRecord(b.height(), b.location()));
        recovered++;
      }
    }
    return new Recovery(indexed, recovered, truncated);
  }

  public Recovery recovery() {
    return recovery;
  }

  public BlockRules rules() {
    return rules;
  }

  public Path directory() {
    return dir;
  }

  /** Height of the last block; -1 when empty. */
  public synchronized long height() {
    return index.height();
  }

  public synchronized ChainState state() {
    return index;
  }

  /**
   * Checks a transaction fully (including its signature) against the chain and the pending
   * transactions, and queues it for the next block.
   */
  public synchronized ParsedTransaction submit(byte[] txBytes) throws TransactionRejectedException {
    ParsedTransaction tx = rules.parseTransaction(txBytes);
    if (admission == null) {
      admission = rules.draft(index, Math.max(System.currentTimeMillis(), index.headTimestamp()));
    }
    admission.admit(tx);
    try {
      rules.verifySignature(tx);
    } catch (TransactionRejectedException e) {
      rebuildAdmission();
      throw e;
    }
    pending.add(tx);
    return tx;
  }

  private void rebuildAdmission() {
    admission = rules.draft(index, Math.max(System.currentTimeMillis(), index.headTimestamp()));
    for (ParsedTransaction p : pending) {
      try {
        admission.admit(p);
      } catch (TransactionRejectedException e) {
        throw new IllegalStateException("pending transaction no longer admissible", e);
      }
    }
  }

  public synchronized int pendingCount() {
    return pending.size();
  }

  /**
   * Seals the pending transactions into the next block signed by {@code proposer}, appends it,
   * forces it to disk and indexes it. Transactions that no longer pass at the block's timestamp
   * (an expired grant) are dropped and listed. When this returns the block is durable.
   */
  public synchronized SealResult seal(ProposerKeys proposer) throws IOException {
    long ts = Math.max(System.currentTimeMillis(), index.headTimestamp());
    BlockDraft draft = rules.draft(index, ts);
    List<String> dropped = new ArrayList<>();
    for (ParsedTransaction p : pending) {
      try {
        draft.admit(p);
      } catch (TransactionRejectedException e) {
        dropped.add(e.getMessage());
      }
    }
    checkUsable();
    BlockSealer.Sealed s = sealer.seal(draft, index, proposer, ts);
    long t0 = System.nanoTime();
    BlockLocation loc = files.append(draft.height(), s.bytes());
    long appendNanos = System.nanoTime() - t0;
    indexOrFail(s.effects(), loc);
    pending.clear();
    admission = null;
    return new SealResult(draft.height(), loc, s, dropped, appendNanos);
  }

  /**
   * Appends a block sealed elsewhere (a replica, a benchmark) after validating it fully; durable
   * when this returns.
   */
  public synchronized BlockLocation append(byte[] blockBytes)
      throws BlockRejectedException, IOException {
    if (!pending.isEmpty()) {
      throw new IllegalStateException("cannot append a foreign block with transactions pending");
    }
    checkUsable();
    BlockRules.ValidatedBlock v = rules.validate(blockBytes, index);
    BlockLocation loc = files.append(v.header().getHeight(), blockBytes);
    indexOrFail(v.effects(), loc);
    return loc;
  }

  private void checkUsable() throws IOException {
    if (failed != null) {
      throw new IOException("the ledger stopped after an index failure; reopen it to recover ("
          + failed.getMessage() + ")", failed);
    }
  }

  private void indexOrFail(BlockEffects effects, BlockLocation loc) throws IOException {
    try {
      index.apply(effects, locationRecord(effects.height(), loc));
    } catch (IOException | RuntimeException e) {
      // The block is durable in the files; the index will catch up when the ledger reopens.
      failed = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
      throw failed;
    }
  }

  /** The stored record of block {@code h}. */
  public synchronized byte[] blockBytes(long h) throws IOException, LedgerException {
    BlockLocation loc = location(index, h);
    if (loc == null) {
      throw new LedgerException("no block at height " + h + " (head is " + index.height() + ")");
    }
    return BlockFiles.read(blocksDir(dir), loc, h).payload();
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      files.close();
    } finally {
      store.close();
      lock.release();
      lockChannel.close();
    }
  }
}
