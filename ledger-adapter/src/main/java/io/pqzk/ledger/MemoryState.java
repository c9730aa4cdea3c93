package io.pqzk.ledger;

import io.pqzk.ledger.merkle.MerkleAccumulator;
import io.pqzk.ledger.proto.StoredGrant;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chain state held in memory, built from the genesis alone and then from each block applied:
 * what an independent validator that trusts nothing but the genesis file uses.
 */
public final class MemoryState implements ChainState {
  private final String chainId;
  private long height = -1;
  private byte[] headHash;
  private long headTimestamp;
  private byte[] stateRoot;
  private byte[] registryFrontier;
  private final Set<ByteBuffer> txIds = new HashSet<>();
  private final Set<ByteBuffer> commitments = new HashSet<>();
  private final Map<String, StoredGrant> grants = new HashMap<>();
  private final List<byte[]> registryRoots = new ArrayList<>();
  private final Genesis genesis;
  private byte[] claimFrontier;
  private final List<List<byte[]>> claimRoots = new ArrayList<>();
  private final Set<ByteBuffer> claimContexts = new HashSet<>();

  public MemoryState(Genesis genesis) {
    this.chainId = genesis.chainId();
    this.headHash = genesis.hash();
    this.headTimestamp = genesis.proto().getCreatedMillis();
    this.stateRoot = BlockRules.initialStateRoot(genesis);
    this.registryFrontier = MerkleAccumulator.registry(chainId).toBytes();
    this.genesis = genesis;
    this.claimFrontier = ClaimRegistries.initial(genesis).toBytes();
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
    return txIds.contains(ByteBuffer.wrap(txId));
  }

  @Override
  public boolean isRegistered(byte[] commitment) {
    return commitments.contains(ByteBuffer.wrap(commitment));
  }

  @Override
  public StoredGrant grant(byte[] grantId) {
    return grants.get(HexFormat.of().formatHex(grantId));
  }

  @Override
  public byte[] registryRootAt(long h) {
    return h >= 0 && h < registryRoots.size() ? registryRoots.get((int) h).clone() : null;
  }

  @Override
  public ClaimRegistries claimRegistries() {
    return ClaimRegistries.fromBytes(genesis, claimFrontier);
  }

  @Override
  public byte[] claimRootAt(int system, long h) {
    if (h < 0 || h >= claimRoots.size() || system < 0 || system >= claimRoots.get((int) h).size()) {
      return null;
    }
    return claimRoots.get((int) h).get(system).clone();
  }

  @Override
  public boolean isClaimContextUsed(byte[] contextId) {
    return claimContexts.contains(ByteBuffer.wrap(contextId));
  }

  /** Number of distinct transactions applied so far. */
  public long transactionCount() {
    return txIds.size();
  }

  /** Number of registered commitments so far. */
  public long registrySize() {
    return commitments.size();
  }

  @Override
  public void apply(BlockEffects e, io.pqzk.ledger.store.BlockLocation where) {
    if (e.height() != height + 1) {
      throw new IllegalStateException("block " + e.height() + " applied after " + height);
    }
    e.transactionIds().forEach(id -> txIds.add(ByteBuffer.wrap(id.clone())));
    e.commitments().forEach(c -> commitments.add(ByteBuffer.wrap(c.clone())));
    grants.putAll(e.grants());
    registryRoots.add(e.registryRoot().clone());
    registryFrontier = e.registryFrontier().clone();
    e.claimContextIds().forEach(c -> claimContexts.add(ByteBuffer.wrap(c.clone())));
    List<byte[]> roots = new ArrayList<>();
    e.claimRoots().forEach(r -> roots.add(r.clone()));
    claimRoots.add(roots);
    claimFrontier = e.claimFrontier().clone();
    stateRoot = e.stateRoot().clone();
    headHash = e.headerHash().clone();
    headTimestamp = e.timestamp();
    height = e.height();
  }
}
