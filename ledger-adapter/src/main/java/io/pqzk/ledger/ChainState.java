package io.pqzk.ledger;

import io.pqzk.ledger.merkle.MerkleAccumulator;
import io.pqzk.ledger.proto.StoredGrant;

/**
 * What validation needs to know about the chain so far. Two implementations: an in-memory one
 * for independent validation from the files alone ({@link MemoryState}) and the engine's
 * RocksDB-backed one ({@link io.pqzk.ledger.store.LedgerIndex}). Both apply the same
 * {@link BlockEffects}, so both reach the same roots.
 */
public interface ChainState {
  /** Height of the last applied block; -1 before block 0. */
  long height();

  /** Header hash of the last block, or the genesis hash before block 0. */
  byte[] headHash();

  /** Timestamp of the last block, or the genesis creation time. */
  long headTimestamp();

  /** The state root after the last block. */
  byte[] stateRoot();

  /** A copy of the registry tree's frontier. */
  MerkleAccumulator registry();

  boolean hasTransaction(byte[] txId);

  boolean isRegistered(byte[] commitment);

  /** The grant as it stands, or null. */
  StoredGrant grant(byte[] grantId);

  /** Registry root recorded in the header of block {@code height}, or null if none. */
  byte[] registryRootAt(long height);

  /** A copy of the claim systems' registry frontiers. */
  ClaimRegistries claimRegistries();

  /**
   * Root of the registry of claim system number {@code system} (genesis order) in the header of
   * block {@code height}, or null if none.
   */
  byte[] claimRootAt(int system, long height);

  /** Whether a claim with this context id (see {@link Hashes#claimContextId}) was accepted. */
  boolean isClaimContextUsed(byte[] contextId);

  /**
   * Makes a validated block's effects part of the state (atomically for persistent states);
   * {@code where} is the block's record in the block files, or null when not stored.
   */
  void apply(BlockEffects effects, io.pqzk.ledger.store.BlockLocation where)
      throws java.io.IOException;
}
