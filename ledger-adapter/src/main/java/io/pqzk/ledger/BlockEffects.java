package io.pqzk.ledger;

import io.pqzk.ledger.proto.StoredGrant;
import java.util.List;
import java.util.Map;

/**
 * Everything a validated block changes: the new head, the transaction ids it consumed, the
 * commitments it registered (in leaf order), the grants it created or updated (keyed by hex
 * grant id) and the roots after it. Computed once by {@link BlockRules}; applied by a
 * {@link ChainState}.
 */
public record BlockEffects(
    long height,
    byte[] headerHash,
    long timestamp,
    List<byte[]> transactionIds,
    List<byte[]> commitments,
    Map<String, StoredGrant> grants,
    byte[] registryFrontier,
    byte[] registryRoot,
    byte[] stateRoot,
    List<byte[]> claimContextIds,
    byte[] claimFrontier,
    List<byte[]> claimRoots) {}
