package io.pqzk.ledger.store;

import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.ledger.BlockEffects;
import io.pqzk.ledger.ChainState;
import io.pqzk.ledger.ClaimRegistries;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.Hashes;
import io.pqzk.ledger.merkle.MerkleAccumulator;
import io.pqzk.ledger.proto.StoredGrant;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The engine's indexes and state in RocksDB: block locations and header hashes by height,
 * transaction ids (replay protection), registered commitments, access grants, and the head
 * (height, hash, state root, registry frontier). Derived data only: it can always be rebuilt
 * from the block files, so its writes are not synced; each block's changes are one atomic
 * write batch, so the index is always at a block boundary. One writer thread.
 */
public final class LedgerIndex implements ChainState, Closeable {
  static {
    RocksDB.loadLibrary();
  }

  private static final byte[] META_GENESIS = meta("genesis");
  private static final byte[] META_HEAD = meta("head");
  private static final byte[] META_STATE = meta("state-root");
  private static final byte[] META_REGISTRY = meta("registry");
  private static final byte[] META_CLAIM_REGISTRIES = meta("claim-registries");

  private final RocksDB db;
  private final Options options;
  private final WriteOptions writeOptions = new WriteOptions();
  private final String chainId;
  private long height = -1;
  private byte[] headHash;
  private long headTimestamp;
  private byte[] stateRoot;
  private byte[] registryFrontier;
  private final Genesis genesis;
  private byte[] claimFrontier;

  private LedgerIndex(RocksDB db, Options options, Genesis genesis, byte[] initialStateRoot) {
    this.db = db;
    this.options = options;
    this.chainId = genesis.chainId();
    this.headHash = genesis.hash();
    this.headTimestamp = genesis.proto().getCreatedMillis();
    this.stateRoot = initialStateRoot;
    this.registryFrontier = MerkleAccumulator.registry(chainId).toBytes();
    this.genesis = genesis;
    this.claimFrontier = ClaimRegistries.initial(genesis).toBytes();
  }

  /**
   * Opens (or creates) the index in {@code dir}. An index built for another genesis is
   * discarded and starts empty: it is derived data and will be rebuilt from the block files.
   */
  public static LedgerIndex open(Path dir, Genesis genesis, byte[] initialStateRoot)
      throws IOException {
    Files.createDirectories(dir);
    Options options = new Options().setCreateIfMissing(true);
    try {
      RocksDB db = RocksDB.open(options, dir.toString());
      byte[] g = db.get(META_GENESIS);
      if (g != null && !Arrays.equals(g, genesis.hash())) {
        db.close();
        RocksDB.destroyDB(dir.toString(), options);
        db = RocksDB.open(options, dir.toString());
        g = null;
      }
      LedgerIndex idx = new LedgerIndex(db, options, genesis, initialStateRoot);
      if (g == null) {
        db.put(META_GENESIS, genesis.hash());
      } else {
        idx.loadHead();
      }
      return idx;
    } catch (RocksDBException e) {
      options.close();
      throw new IOException("cannot open the index in " + dir + ": " + e.getMessage(), e);
    }
  }

  private void loadHead() throws RocksDBException {
    byte[] head = db.get(META_HEAD);
    if (head == null) {
      return;
    }
    ByteBuffer b = ByteBuffer.wrap(head);
    height = b.getLong();
    headHash = new byte[Hashes.LENGTH];
    b.get(headHash);
    headTimestamp = b.getLong();
    stateRoot = db.get(META_STATE);
    registryFrontier = db.get(META_REGISTRY);
    byte[] cf = db.get(META_CLAIM_REGISTRIES);
    if (cf != null) {
      claimFrontier = cf;
    }
  }

  /** Location of block {@code h}'s record, or null when not indexed. */
  public BlockLocation location(long h) throws IOException {
    byte[] v = get(key('B', ByteBuffer.allocate(8).putLong(h).array()));
    if (v == null) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(v);
    return new BlockLocation(b.getInt(), b.getLong(), b.getInt());
  }

  @Override
  public long height() {
    return height;
  }

  @Override
  public byte[] headHash() {
    return headHash.clone();
  }

  @Override
  public long headTimestamp() {
    return headTimestamp;
  }

  @Override
  public byte[] stateRoot() {
    return stateRoot.clone();
  }

  @Override
  public MerkleAccumulator registry() {
    return MerkleAccumulator.fromBytes(Hashes.REGISTRY_LEAF, Hashes.REGISTRY_NODE, chainId,
        registryFrontier);
  }

  @Override
  public boolean hasTransaction(byte[] txId) {
    return getUnchecked(key('T', txId)) != null;
  }

  @Override
  public boolean isRegistered(byte[] commitment) {
    return getUnchecked(key('R', commitment)) != null;
  }

  @Override
  public StoredGrant grant(byte[] grantId) {
    byte[] v = getUnchecked(key('G', grantId));
    try {
      return v == null ? null : StoredGrant.parseFrom(v);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("index holds a damaged grant record", e);
    }
  }

  @Override
  public byte[] registryRootAt(long h) {
    byte[] v = getUnchecked(key('B', ByteBuffer.allocate(8).putLong(h).array()));
    return v == null ? null : Arrays.copyOfRange(v, 16 + Hashes.LENGTH, 16 + 2 * Hashes.LENGTH);
  }

  @Override
  public ClaimRegistries claimRegistries() {
    return ClaimRegistries.fromBytes(genesis, claimFrontier);
  }

  @Override
  public byte[] claimRootAt(int system, long h) {
    byte[] v = getUnchecked(key('B', ByteBuffer.allocate(8).putLong(h).array()));
    int at = 16 + 2 * Hashes.LENGTH + system * Hashes.LENGTH;
    return v == null || system < 0 || v.length < at + Hashes.LENGTH ? null
        : Arrays.copyOfRange(v, at, at + Hashes.LENGTH);
  }

  @Override
  public boolean isClaimContextUsed(byte[] contextId) {
    return getUnchecked(key('C', contextId)) != null;
  }

  @Override
  public void apply(BlockEffects e, BlockLocation where) throws IOException {
    if (e.height() != height + 1) {
      throw new IllegalStateException("block " + e.height() + " indexed after " + height);
    }
    byte[] hkey = ByteBuffer.allocate(8).putLong(e.height()).array();
    byte[] height8 = hkey;
    try (WriteBatch batch = new WriteBatch()) {
      ByteBuffer bv = ByteBuffer.allocate(16 + (2 + e.claimRoots().size()) * Hashes.LENGTH)
          .putInt(where.segment()).putLong(where.offset()).putInt(where.length())
          .put(e.headerHash()).put(e.registryRoot());
      e.claimRoots().forEach(bv::put);
      batch.put(key('B', hkey), bv.array());
      for (byte[] c : e.claimContextIds()) {
        batch.put(key('C', c), height8);
      }
      for (byte[] id : e.transactionIds()) {
        batch.put(key('T', id), height8);
      }
      for (byte[] c : e.commitments()) {
        batch.put(key('R', c), height8);
      }
      for (Map.Entry<String, StoredGrant> g : e.grants().entrySet()) {
        batch.put(key('G', java.util.HexFormat.of().parseHex(g.getKey())),
            g.getValue().toByteArray());
      }
      batch.put(META_HEAD, ByteBuffer.allocate(16 + Hashes.LENGTH).putLong(e.height())
          .put(e.headerHash()).putLong(e.timestamp()).array());
      batch.put(META_STATE, e.stateRoot());
      batch.put(META_REGISTRY, e.registryFrontier());
      batch.put(META_CLAIM_REGISTRIES, e.claimFrontier());
      db.write(writeOptions, batch);
    } catch (RocksDBException ex) {
      throw new IOException("index write failed: " + ex.getMessage(), ex);
    }
    height = e.height();
    headHash = e.headerHash().clone();
    headTimestamp = e.timestamp();
    stateRoot = e.stateRoot().clone();
    registryFrontier = e.registryFrontier().clone();
    claimFrontier = e.claimFrontier().clone();
  }

  private byte[] get(byte[] k) throws IOException {
    try {
      return db.get(k);
    } catch (RocksDBException e) {
      throw new IOException("index read failed: " + e.getMessage(), e);
    }
  }

  private byte[] getUnchecked(byte[] k) {
    try {
      return db.get(k);
    } catch (RocksDBException e) {
      throw new IllegalStateException("index read failed: " + e.getMessage(), e);
    }
  }

  private static byte[] key(char prefix, byte[] id) {
    byte[] k = new byte[id.length + 1];
    k[0] = (byte) prefix;
    System.arraycopy(id, 0, k, 1, id.length);
    return k;
  }

  private static byte[] meta(String name) {
    return key('M', name.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public void close() {
    writeOptions.close();
    db.close();
    options.close();
  }
}
