package io.pqzk.ledger.store;

import io.pqzk.ledger.BlockDraft;
import io.pqzk.ledger.BlockEffects;
import io.pqzk.ledger.BlockRejectedException;
import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.BlockSealer;
import io.pqzk.ledger.ChainState;
import io.pqzk.ledger.CommitSigner;
import io.pqzk.ledger.ForeignStateException;
import io.pqzk.ledger.LedgerCorruptedException;
import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.ParsedTransaction;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.StateKeys;
import io.pqzk.ledger.StateStore;
import io.pqzk.ledger.TransactionRejectedException;
import io.pqzk.ledger.proto.QuorumCertificate;
import io.pqzk.ledger.quorum.QuorumCertificates;
import io.pqzk.ledger.quorum.QuorumException;
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
import java.util.function.LongSupplier;

/**
 * The embedded ledger engine over a data directory (see {@link DataDirectory}). Transactions are
 * checked on submission (size and encoding, known author, state rules, signature, then any
 * proof); {@link #seal} builds the next block from them, signs it, runs the full block rules on
 * the sealed bytes, gathers its commit certificate from the validator keys this process holds,
 * appends the block to the block files, forces it to disk, indexes it, then stores the
 * certificate durably: when {@code seal} returns, the block is final and survives kill -9.
 *
 * <p>Opening recovers: blocks in the files beyond the index are re-validated and indexed; a torn
 * record at the very end (a crash during an append, never acknowledged) is moved aside to a
 * {@code torn-*.bin} file and truncated; the index's head is compared with the stored header;
 * any other damage stops the open with {@link LedgerCorruptedException}. One process at a time
 * (a lock file); methods are synchronized.
 */
public final class Ledger implements Closeable {
  /** What happened when the ledger was opened. */
  public record Recovery(long indexedHeight, long recoveredBlocks, long truncatedBytes,
      boolean headCertified) {}

  /** What {@link #seal} produced. */
  public record SealResult(long height, BlockLocation location, BlockSealer.Sealed sealed,
      QuorumCertificate commit, List<String> dropped, long appendNanos) {}

  private final Path dir;
  private final BlockRules rules;
  private final BlockSealer sealer;
  private final RocksStateStore store;
  private final ChainState index;
  private final BlockFiles files;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Recovery recovery;
  private final LongSupplier clock;
  private final List<ParsedTransaction> pending = new ArrayList<>();
  private BlockDraft admission;
  /** The head block's commit certificate, or null when the head is not (yet) certified. */
  private QuorumCertificate headCommit;
  /** Set when a block reached the files but not the index: only a reopen can reconcile them. */
  private IOException failed;

  private Ledger(Path dir, BlockRules rules, RocksStateStore store, ChainState index,
      BlockFiles files, FileChannel lockChannel, FileLock lock, Recovery recovery,
      QuorumCertificate headCommit, LongSupplier clock) {
    this.dir = dir;
    this.rules = rules;
    this.sealer = new BlockSealer(rules);
    this.store = store;
    this.index = index;
    this.files = files;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.recovery = recovery;
    this.headCommit = headCommit;
    this.clock = clock;
  }

  public static Path blocksDir(Path dataDir) {
    return DataDirectory.blocks(dataDir);
  }

  /** Opens the ledger in {@code dataDir} with {@code rules} (built from its genesis). */
  public static Ledger open(Path dataDir, BlockRules rules) throws LedgerException, IOException {
    return open(dataDir, rules, BlockFiles.DEFAULT_SEGMENT_BYTES, System::currentTimeMillis);
  }

  /**
   * Opens with a segment size and a clock (the clock only times new blocks and judges the
   * drift bound before this node signs a commit; validation never reads it).
   */
  public static Ledger open(Path dataDir, BlockRules rules, long segmentBytes, LongSupplier clock)
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
      DataDirectory.checkFormat(dataDir, true);
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
      checkHead(blocksDir(dataDir), rules, index, last);
      QuorumCertificate head = storedHeadCommit(dataDir, rules, index);
      BlockFiles files = BlockFiles.openForAppend(blocksDir(dataDir), last, segmentBytes);
      return new Ledger(dataDir, rules, store, index, files, lc, lock,
          new Recovery(rec.indexedHeight(), rec.recoveredBlocks(), rec.truncatedBytes(),
              head != null || index.height() < 0), head, clock);
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
      } catch (DamagedRecordException | IOException | RuntimeException e) {
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
    return new Recovery(indexed, recovered, truncated, false);
  }

  /** The index's head must be the header stored at its location: else the index lies. */
  private static void checkHead(Path blocks, BlockRules rules, ChainState index,
      BlockLocation last) throws LedgerException, IOException {
    if (index.height() < 0) {
      return;
    }
    byte[] payload = BlockFiles.read(blocks, last, index.height()).payload();
    byte[] header;
    try {
      header = io.pqzk.ledger.proto.Block.parseFrom(payload).getHeader().toByteArray();
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new LedgerCorruptedException("the head block " + index.height()
          + " in the files does not parse: " + e.getMessage());
    }
    if (!java.security.MessageDigest.isEqual(rules.headerHash(header), index.headHash())) {
      throw new LedgerCorruptedException("the index's head hash differs from the header of"
          + " block " + index.height() + " in the files; refusing to open: delete index/ to"
          + " rebuild it from the block files");
    }
  }

  /** The stored head certificate if it certifies the head, else null (the head is not final). */
  private static QuorumCertificate storedHeadCommit(Path dir, BlockRules rules, ChainState index)
      throws IOException {
    byte[] bytes = DataDirectory.readHeadCertificate(dir);
    if (bytes == null || index.height() < 0) {
      return null;
    }
    try {
      QuorumCertificate qc = QuorumCertificates.parse(bytes, "stored head certificate");
      rules.verifyCommit(qc, index.height(), index.headHash(), index.headValidators());
      return qc;
    } catch (QuorumException | BlockRejectedException e) {
      return null; // stale (a crash between block and certificate) or damaged: re-certified
    }
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

  /** Height of the last final block (certified by a quorum); -1 when none. */
  public synchronized long finalizedHeight() {
    return headCommit != null ? index.height() : index.height() - 1;
  }

  /** The head block's commit certificate, or null when the head is not certified yet. */
  public synchronized QuorumCertificate headCommit() {
    return headCommit;
  }

  public synchronized ChainState state() {
    return index;
  }

  /**
   * Checks a transaction fully against the chain and the pending transactions (size, encoding
   * and author first, then the state rules, then its signature, then any proof) and queues it
   * for the next block.
   */
  public synchronized ParsedTransaction submit(byte[] txBytes) throws TransactionRejectedException {
    ParsedTransaction tx = rules.parseTransaction(txBytes, index);
    if (admission == null) {
      admission = rules.draft(index, nextTimestamp());
    }
    admission.admit(tx);
    try {
      rules.verifySignature(tx);
      BlockDraft.verifyProofs(admission.proofChecks().stream().filter(p -> p.tx() == tx)
          .toList());
    } catch (TransactionRejectedException e) {
      rebuildAdmission();
      throw e;
    }
    pending.add(tx);
    return tx;
  }

  private long nextTimestamp() {
    return Math.max(clock.getAsLong(), index.headTimestamp() + 1);
  }

  private void rebuildAdmission() {
    admission = rules.draft(index, nextTimestamp());
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
   * Seals the pending transactions into the next block signed by {@code proposer}, certified by
   * the validator keys of {@code commits}. Transactions that no longer pass at the block's time
   * (an expired grant) or no longer fit the genesis block limits are dropped and listed (those
   * that do not fit stay pending for the next block). When this returns the block is final and
   * durable.
   *
   * @throws BlockRejectedException when the sealed block fails the rules, or the keys held here
   *     cannot certify it (fewer than the quorum, or the clock is off): nothing is written
   */
  public synchronized SealResult seal(ProposerKeys proposer, CommitSigner commits)
      throws IOException, BlockRejectedException {
    checkUsable();
    if (index.height() >= 0 && headCommit == null) {
      certifyStoredHead(commits);
    }
    long ts = nextTimestamp();
    BlockDraft draft = rules.draft(index, ts);
    List<String> dropped = new ArrayList<>();
    List<ParsedTransaction> carried = new ArrayList<>();
    byte[] lastCommit = headCommit == null ? new byte[0] : headCommit.toByteArray();
    long budget = rules.genesis().limits().getMaxBlockBytes() - overhead(draft.height(),
        lastCommit.length);
    int maxTxs = rules.genesis().limits().getMaxBlockTransactions();
    for (ParsedTransaction p : pending) {
      if (draft.admitted().size() >= maxTxs || p.bytes().length + 8 > budget) {
        carried.add(p);
        continue;
      }
      try {
        draft.admit(p);
        budget -= p.bytes().length + 8;
      } catch (TransactionRejectedException e) {
        dropped.add(e.getMessage());
      }
    }
    BlockSealer.Sealed s = sealer.seal(draft, index, proposer, ts, lastCommit);
    // the full rules on the exact bytes to be stored, before anything is written
    BlockRules.ValidatedBlock v = rules.validate(s.bytes(), index);
    QuorumCertificate qc = commits.certify(v, clock.getAsLong());
    long t0 = System.nanoTime();
    BlockLocation loc = files.append(draft.height(), s.bytes());
    long appendNanos = System.nanoTime() - t0;
    indexOrFail(v.effects(), loc);
    DataDirectory.writeHeadCertificate(dir, qc);
    headCommit = qc;
    pending.clear();
    pending.addAll(carried);
    admission = null;
    return new SealResult(draft.height(), loc, s, qc, dropped, appendNanos);
  }

  /** What block {@code height} needs besides its transactions: header, signatures, certificate. */
  private long overhead(long height, int lastCommitBytes) {
    io.pqzk.ledger.Genesis g = rules.genesis();
    try {
      return 4096 + io.pqzk.ledger.crypto.Signatures.signatureLength(g.blockAlgorithm())
          + (g.slhDsaRequiredAt(height)
              ? io.pqzk.ledger.crypto.Signatures.signatureLength(g.slhDsaAlgorithm()) : 0)
          + lastCommitBytes;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("the genesis was checked: " + e.getMessage(), e);
    }
  }

  /** After a crash between appending a block and storing its certificate: certify it now. */
  private void certifyStoredHead(CommitSigner commits) throws IOException, BlockRejectedException {
    long h = index.height();
    BlockRules.ValidatedBlock v;
    try {
      byte[] payload = blockBytes(h);
      // this engine appended the head only after validating it and vouching for it in time:
      // re-certifying it never consults the clock (its own time is the reference)
      v = revalidateHead(payload);
      QuorumCertificate qc = commits.certify(v, v.header().getTimestampMillis());
      DataDirectory.writeHeadCertificate(dir, qc);
      headCommit = qc;
    } catch (LedgerException e) {
      throw new BlockRejectedException(h, "the head is not certified and cannot be: "
          + e.getMessage());
    }
  }

  private BlockRules.ValidatedBlock revalidateHead(byte[] payload) throws LedgerException {
    // the head's effects are already in the index: validate it against a state one block back
    ChainState replay = ChainState.inMemory(rules.genesis());
    try (BlockScanner s = BlockScanner.fromStart(blocksDir(dir))) {
      for (long i = 0; i < index.height(); i++) {
        StoredBlock b = s.next();
        replay.apply(rules.validate(b.payload(), replay).effects(), List.of());
      }
    } catch (IOException e) {
      throw new LedgerException("cannot read the block files: " + e.getMessage(), e);
    }
    return rules.validate(payload, replay);
  }

  /**
   * Appends a block sealed elsewhere (a replica) after validating it fully, with {@code commit}
   * (its certificate, if already gathered); durable when this returns.
   */
  public synchronized BlockLocation append(byte[] blockBytes, QuorumCertificate commit)
      throws BlockRejectedException, IOException {
    return appendValidated(blockBytes, commit).location();
  }

  /** A block appended by {@link #appendValidated}: what validation found, and where it lies. */
  public record Appended(BlockRules.ValidatedBlock block, BlockLocation location) {}

  /**
   * As {@link #append}, returning the validated block too (a replica signs its commit from it
   * without validating the block twice).
   */
  public synchronized Appended appendValidated(byte[] blockBytes, QuorumCertificate commit)
      throws BlockRejectedException, IOException {
    if (!pending.isEmpty()) {
      throw new IllegalStateException("cannot append a foreign block with transactions pending");
    }
    checkUsable();
    BlockRules.ValidatedBlock v = rules.validate(blockBytes, index);
    if (commit != null) {
      rules.verifyCommit(commit, v.header().getHeight(), v.headerHash(), v.validators());
    }
    BlockLocation loc = files.append(v.header().getHeight(), blockBytes);
    indexOrFail(v.effects(), loc);
    headCommit = null;
    if (commit != null) {
      DataDirectory.writeHeadCertificate(dir, commit);
      headCommit = commit;
    }
    return new Appended(v, loc);
  }

  /**
   * Stores {@code commit}, gathered elsewhere (a replica's commit signatures), as the head
   * block's certificate after verifying it: the head is final when this returns.
   */
  public synchronized void storeHeadCommit(QuorumCertificate commit)
      throws BlockRejectedException, IOException {
    checkUsable();
    rules.verifyCommit(commit, index.height(), index.headHash(), index.headValidators());
    DataDirectory.writeHeadCertificate(dir, commit);
    headCommit = commit;
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
