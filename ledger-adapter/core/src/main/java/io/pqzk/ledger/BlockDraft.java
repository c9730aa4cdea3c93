package io.pqzk.ledger;

import io.pqzk.ledger.crypto.Hashes;
import io.pqzk.ledger.merkle.MerkleAccumulator;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one block being built or checked, layered over the chain state: admits
 * transactions one at a time in block order, each through the {@link TransactionRule} of its
 * payload kind, which reads the state plus what earlier transactions of the block wrote (so two
 * registrations of one commitment, or a replayed id, in the same block are caught) and stages its
 * own writes. A rejected transaction leaves the draft unchanged. Deterministic: only the chain
 * state, the block's height and timestamp and the transaction bytes decide. Not thread-safe.
 */
public final class BlockDraft {
  static final int NONCE_BYTES = 16;

  private final Genesis genesis;
  private final ChainState base;
  private final Map<String, ProofVerifier> proofs;
  private final long height;
  private final long timestamp;
  private final Set<ByteBuffer> txIds = new HashSet<>();
  private final Map<ByteBuffer, byte[]> written = new HashMap<>();
  private final List<StateStore.Put> writes = new ArrayList<>();
  private final MerkleAccumulator registry;
  private final MerkleAccumulator txTree;
  private final ClaimRegistries claimRegistries;
  private final List<ParsedTransaction> admitted = new ArrayList<>();
  // what the transaction being admitted stages; made part of the draft only if it passes
  private final Map<ByteBuffer, byte[]> staged = new HashMap<>();
  private final List<StateStore.Put> stagedWrites = new ArrayList<>();
  private final List<byte[]> stagedRecords = new ArrayList<>();
  private final List<List<byte[]>> stagedLeaves = new ArrayList<>();
  private final List<ProofCheck> stagedProofs = new ArrayList<>();
  private final List<ProofCheck> proofChecks = new ArrayList<>();

  /**
   * A zero-knowledge proof a transaction of this block carries, checked after every cheaper rule
   * and every signature (a proof costs milliseconds, a signature microseconds).
   */
  public record ProofCheck(ParsedTransaction tx, String label, Check check) {
    /** The verification itself. */
    @FunctionalInterface
    public interface Check {
      void run() throws LedgerException;
    }

    /** Runs it; a failure names the transaction. */
    public void verify() throws TransactionRejectedException {
      try {
        check.run();
      } catch (LedgerException e) {
        throw reject(tx, label + ": " + e.getMessage());
      }
    }
  }

  BlockDraft(Genesis genesis, ChainState base, Map<String, ProofVerifier> proofs, long timestamp) {
    this.genesis = genesis;
    this.base = base;
    this.proofs = proofs;
    this.height = base.height() + 1;
    this.timestamp = timestamp;
    this.registry = base.registry();
    this.txTree = MerkleAccumulator.transactions(genesis.chainId());
    this.claimRegistries = base.claimRegistries();
  }

  public long height() {
    return height;
  }

  /** The block's timestamp: what grant expiry and read times are judged against. */
  public long timestamp() {
    return timestamp;
  }

  public Genesis genesis() {
    return genesis;
  }

  /** The chain state below this block. */
  public ChainState base() {
    return base;
  }

  public List<ParsedTransaction> admitted() {
    return List.copyOf(admitted);
  }

  /**
   * Checks {@code tx} against every rule but its signature and, when it passes, makes it part
   * of the draft. A rejected transaction leaves the draft unchanged.
   */
  public void admit(ParsedTransaction tx) throws TransactionRejectedException {
    ByteBuffer id = ByteBuffer.wrap(tx.id());
    if (base.hasTransaction(tx.id()) || txIds.contains(id)) {
      throw reject(tx, "replays transaction id " + tx.idHex() + " already in the chain");
    }
    TransactionRule rule = TransactionRules.of(tx.body().getPayloadCase());
    if (rule == null) {
      throw reject(tx, "has no payload");
    }
    if (rule.authorRole() != null && tx.author().role() != rule.authorRole()) {
      throw reject(tx, tx.kind() + " needs an " + rule.authorRole().name().toLowerCase()
          + " key; author '" + tx.author().name() + "' is a "
          + tx.author().role().name().toLowerCase());
    }
    clearStaged();
    try {
      rule.apply(tx, this);
    } catch (TransactionRejectedException | RuntimeException e) {
      clearStaged();
      throw e;
    }
    written.putAll(staged);
    writes.addAll(stagedWrites);
    for (int i = 0; i < stagedRecords.size(); i++) {
      registry.append(stagedRecords.get(i));
      claimRegistries.append(stagedLeaves.get(i));
    }
    proofChecks.addAll(stagedProofs);
    clearStaged();
    txIds.add(id);
    txTree.appendLeafHash(tx.leafHash());
    admitted.add(tx);
  }

  private void clearStaged() {
    staged.clear();
    stagedWrites.clear();
    stagedRecords.clear();
    stagedLeaves.clear();
    stagedProofs.clear();
  }

  /** Defers a proof check of the transaction being admitted (see {@link ProofCheck}). */
  void deferProof(ParsedTransaction tx, String label, ProofCheck.Check check) {
    stagedProofs.add(new ProofCheck(tx, label, check));
  }

  /** The proof checks of the admitted transactions, in block order. */
  public List<ProofCheck> proofChecks() {
    return List.copyOf(proofChecks);
  }

  /** The proof checks of the last admitted transaction (the engine's admission path). */
  List<ProofCheck> proofChecksOf(ParsedTransaction tx) {
    return proofChecks.stream().filter(p -> p.tx() == tx).toList();
  }

  /**
   * Verifies proof checks on every core; throws for the first failing one in list order,
   * whatever the scheduling.
   */
  public static void verifyProofs(List<ProofCheck> checks) throws TransactionRejectedException {
    TransactionRejectedException[] failed = new TransactionRejectedException[checks.size()];
    java.util.stream.IntStream.range(0, checks.size()).parallel().forEach(i -> {
      try {
        checks.get(i).verify();
      } catch (TransactionRejectedException e) {
        failed[i] = e;
      }
    });
    for (TransactionRejectedException e : failed) {
      if (e != null) {
        throw e;
      }
    }
  }

  /** The value under {@code key} as this block has it so far (staged, block, then chain). */
  public byte[] get(byte[] key) {
    ByteBuffer k = ByteBuffer.wrap(key);
    if (staged.containsKey(k)) {
      return staged.get(k);
    }
    if (written.containsKey(k)) {
      return written.get(k);
    }
    return base.get(key);
  }

  /** Stages a state write of the transaction being admitted. */
  public void put(byte[] key, byte[] value) {
    staged.put(ByteBuffer.wrap(key.clone()), value.clone());
    stagedWrites.add(new StateStore.Put(key.clone(), value.clone()));
  }

  /** Stages a record registration: a leaf of the registry and one per claim registry. */
  void appendRecord(byte[] commitment, List<byte[]> claimLeaves) {
    stagedRecords.add(commitment.clone());
    stagedLeaves.add(List.copyOf(claimLeaves));
  }

  ClaimRegistries claimRegistries() {
    return claimRegistries;
  }

  ProofVerifier verifier(String system) {
    return proofs.get(system);
  }

  static TransactionRejectedException reject(ParsedTransaction tx, String why) {
    return new TransactionRejectedException("transaction " + tx.idHex().substring(0, 16) + " ("
        + tx.kind() + ") " + why);
  }

  public byte[] transactionsRoot() {
    return txTree.root();
  }

  public byte[] registryRoot() {
    return registry.root();
  }

  public long registrySize() {
    return registry.size();
  }

  /** Each claim system's registry root after this block, in the genesis order. */
  public List<byte[]> claimRoots() {
    return claimRegistries.roots();
  }

  /**
   * State root after this block: a hash chain over the previous root, the height, the registry
   * roots and every state write of the block in order (length-prefixed key and value).
   */
  public byte[] stateRoot() {
    ByteArrayOutputStream roots = new ByteArrayOutputStream();
    claimRegistries.roots().forEach(roots::writeBytes);
    ByteArrayOutputStream changes = new ByteArrayOutputStream();
    for (StateStore.Put p : writes) {
      changes.writeBytes(ByteBuffer.allocate(4).putInt(p.key().length).array());
      changes.writeBytes(p.key());
      changes.writeBytes(ByteBuffer.allocate(4).putInt(p.value().length).array());
      changes.writeBytes(p.value());
    }
    return Hashes.hash(Hashes.STATE, genesis.chainId(), base.stateRoot(),
        StateKeys.height8(height), registry.root(), roots.toByteArray(), changes.toByteArray());
  }

  /** The effects of the draft as a block with this header hash. */
  public BlockEffects effects(byte[] headerHash) {
    List<byte[]> ids = new ArrayList<>(admitted.size());
    admitted.forEach(t -> ids.add(t.id()));
    return new BlockEffects(height, headerHash, timestamp, ids, List.copyOf(writes),
        registry.toBytes(), registry.root(), claimRegistries.toBytes(), claimRegistries.roots(),
        stateRoot());
  }
}
