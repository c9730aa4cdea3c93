package io.pqzk.ledger;

import io.pqzk.ledger.crypto.Hashes;
import io.pqzk.ledger.merkle.MerkleAccumulator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The chain state after the last applied block, over a {@link StateStore}: the head (height,
 * header hash, timestamp, state root), the registry frontiers, per-height header hashes and
 * registry roots, the transaction ids seen, and whatever the transaction rules wrote under their
 * own key prefixes. The engine (over RocksDB), every validator and {@code pqzk chain verify} (in
 * memory or in a scratch store) use this one class, so they cannot disagree on what a block
 * changes. One writer; reads are safe while no block is being applied.
 */
public final class ChainState {
  private static final byte[] META_GENESIS = StateKeys.meta("genesis");
  private static final byte[] META_HEAD = StateKeys.meta("head");
  private static final byte[] META_STATE = StateKeys.meta("state-root");
  private static final byte[] META_REGISTRY = StateKeys.meta("registry");
  private static final byte[] META_CLAIM_REGISTRIES = StateKeys.meta("claim-registries");
  private static final byte[] META_HEAD_VALIDATORS = StateKeys.meta("head-validators");

  private final Genesis genesis;
  private final StateStore store;
  private long height = -1;
  private byte[] headHash;
  private long headTimestamp;
  private byte[] stateRoot;
  private byte[] registryFrontier;
  private byte[] claimFrontier;
  /** The set in force for the next block, and the one that was in force for the head. */
  private ValidatorSet validators;
  private ValidatorSet headValidators;

  private ChainState(Genesis genesis, StateStore store) {
    this.genesis = genesis;
    this.store = store;
    this.headHash = genesis.hash();
    this.headTimestamp = genesis.proto().getCreatedMillis();
    this.stateRoot = initialStateRoot(genesis);
    this.registryFrontier = MerkleAccumulator.registry(genesis.chainId()).toBytes();
    this.claimFrontier = ClaimRegistries.initial(genesis).toBytes();
    this.validators = ValidatorSet.of(genesis);
    this.headValidators = validators;
  }

  /** The state root before block 0. */
  static byte[] initialStateRoot(Genesis g) {
    return Hashes.hash(Hashes.STATE, g.chainId(), g.hash());
  }

  /** An empty state for {@code genesis}, in the heap. */
  public static ChainState inMemory(Genesis genesis) {
    try {
      return open(genesis, new MemoryStateStore());
    } catch (LedgerException | IOException e) {
      throw new IllegalStateException("a fresh memory store cannot fail", e);
    }
  }

  /**
   * The state held in {@code store} (empty when the store is new).
   *
   * @throws ForeignStateException when the store holds the state of another genesis
   * @throws IOException when the store cannot be written
   */
  public static ChainState open(Genesis genesis, StateStore store)
      throws LedgerException, IOException {
    ChainState s = new ChainState(genesis, store);
    byte[] g = store.get(META_GENESIS);
    if (g == null) {
      store.write(List.of(new StateStore.Put(META_GENESIS, genesis.hash())));
    } else if (!MessageDigest.isEqual(g, genesis.hash())) {
      throw new ForeignStateException("the state store was built for another genesis");
    } else {
      s.loadHead();
    }
    return s;
  }

  private void loadHead() {
    byte[] head = store.get(META_HEAD);
    if (head == null) {
      return;
    }
    ByteBuffer b = ByteBuffer.wrap(head);
    height = b.getLong();
    headHash = new byte[Hashes.LENGTH];
    b.get(headHash);
    headTimestamp = b.getLong();
    stateRoot = store.get(META_STATE);
    registryFrontier = store.get(META_REGISTRY);
    claimFrontier = store.get(META_CLAIM_REGISTRIES);
    byte[] next = store.get(ValidatorSetRule.SET_KEY);
    if (next != null) {
      validators = ValidatorSet.decode(genesis, next);
    }
    byte[] headSet = store.get(META_HEAD_VALIDATORS);
    // written whenever the head's set changes; never written while it is the genesis set
    headValidators = headSet != null ? ValidatorSet.decode(genesis, headSet)
        : ValidatorSet.of(genesis);
  }

  public Genesis genesis() {
    return genesis;
  }

  public StateStore store() {
    return store;
  }

  /** Height of the last applied block; -1 before block 0. */
  public long height() {
    return height;
  }

  /** Header hash of the last block, or the genesis hash before block 0. */
  public byte[] headHash() {
    return headHash.clone();
  }

  /** Timestamp of the last block, or the genesis creation time. */
  public long headTimestamp() {
    return headTimestamp;
  }

  /** The state root after the last block. */
  public byte[] stateRoot() {
    return stateRoot.clone();
  }

  /** A copy of the registry tree's frontier. */
  public MerkleAccumulator registry() {
    return MerkleAccumulator.fromBytes(Hashes.REGISTRY_LEAF, Hashes.REGISTRY_NODE,
        genesis.chainId(), registryFrontier);
  }

  /** A copy of the claim systems' registry frontiers. */
  public ClaimRegistries claimRegistries() {
    return ClaimRegistries.fromBytes(genesis, claimFrontier);
  }

  /**
   * The validator set in force for the next block ({@code height() + 1}): its members propose
   * that block and a quorum of them certifies it. The genesis set until a certified change.
   */
  public ValidatorSet validators() {
    return validators;
  }

  /**
   * The validator set that was in force for the head block: a quorum of it certifies the head
   * (what the next block carries, and what a stored head certificate must be signed by).
   */
  public ValidatorSet headValidators() {
    return headValidators;
  }

  /** The value a rule stored under {@code key} (see {@link StateKeys}), or null. */
  public byte[] get(byte[] key) {
    return store.get(key);
  }

  public boolean hasTransaction(byte[] txId) {
    return store.get(StateKeys.key(StateKeys.TX, txId)) != null;
  }

  /** Header hash of block {@code h}, or null if none. */
  public byte[] headerHashAt(long h) {
    byte[] v = blockRecord(h);
    return v == null ? null : Arrays.copyOfRange(v, 0, Hashes.LENGTH);
  }

  /** Registry root recorded in the header of block {@code h}, or null if none. */
  public byte[] registryRootAt(long h) {
    byte[] v = blockRecord(h);
    return v == null ? null : Arrays.copyOfRange(v, Hashes.LENGTH, 2 * Hashes.LENGTH);
  }

  /**
   * Root of the registry of claim system number {@code system} (genesis order) in the header of
   * block {@code h}, or null if none.
   */
  public byte[] claimRootAt(int system, long h) {
    byte[] v = blockRecord(h);
    int at = (2 + system) * Hashes.LENGTH;
    return v == null || system < 0 || v.length < at + Hashes.LENGTH ? null
        : Arrays.copyOfRange(v, at, at + Hashes.LENGTH);
  }

  private byte[] blockRecord(long h) {
    return h < 0 || h > height ? null : store.get(StateKeys.key(StateKeys.BLOCK, h));
  }

  /**
   * Makes a validated block's effects part of the state, with {@code local} (the node's own
   * records, e.g. where the block lies in its files) in the same atomic write.
   */
  public void apply(BlockEffects e, List<StateStore.Put> local) throws IOException {
    if (e.height() != height + 1) {
      throw new IllegalStateException("block " + e.height() + " applied after " + height);
    }
    byte[] h8 = StateKeys.height8(e.height());
    List<StateStore.Put> batch = new ArrayList<>(e.transactionIds().size() + e.writes().size()
        + local.size() + 6);
    ByteBuffer rec = ByteBuffer.allocate((2 + e.claimRoots().size()) * Hashes.LENGTH)
        .put(e.headerHash()).put(e.registryRoot());
    e.claimRoots().forEach(rec::put);
    batch.add(new StateStore.Put(StateKeys.key(StateKeys.BLOCK, e.height()), rec.array()));
    for (byte[] id : e.transactionIds()) {
      batch.add(new StateStore.Put(StateKeys.key(StateKeys.TX, id), h8));
    }
    batch.addAll(e.writes());
    batch.add(new StateStore.Put(META_HEAD, ByteBuffer.allocate(16 + Hashes.LENGTH)
        .putLong(e.height()).put(e.headerHash()).putLong(e.timestamp()).array()));
    batch.add(new StateStore.Put(META_STATE, e.stateRoot()));
    batch.add(new StateStore.Put(META_REGISTRY, e.registryFrontier()));
    batch.add(new StateStore.Put(META_CLAIM_REGISTRIES, e.claimFrontier()));
    // the set in force for this block certifies it; a change the block made applies after it
    ValidatorSet next = validators;
    for (StateStore.Put p : e.writes()) {
      if (java.util.Arrays.equals(p.key(), ValidatorSetRule.SET_KEY)) {
        next = ValidatorSet.decode(genesis, p.value());
      }
    }
    if (!validators.equals(headValidators)) {
      batch.add(new StateStore.Put(META_HEAD_VALIDATORS, validators.encoded()));
    }
    batch.addAll(local);
    store.write(batch);
    headValidators = validators;
    validators = next;
    height = e.height();
    headHash = e.headerHash().clone();
    headTimestamp = e.timestamp();
    stateRoot = e.stateRoot().clone();
    registryFrontier = e.registryFrontier().clone();
    claimFrontier = e.claimFrontier().clone();
  }
}
