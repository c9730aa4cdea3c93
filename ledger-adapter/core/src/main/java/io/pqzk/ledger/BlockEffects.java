package io.pqzk.ledger;

import java.util.List;

/**
 * Everything a validated block changes: the new head, the transaction ids it consumed, the
 * state entries its transactions wrote (in block order; each rule writes under its own key
 * prefix) and the roots after it. Computed once by {@link BlockDraft}; applied by {@link
 * ChainState#apply}, the one place where state is written.
 */
public record BlockEffects(
    long height,
    byte[] headerHash,
    long timestamp,
    List<byte[]> transactionIds,
    List<StateStore.Put> writes,
    byte[] registryFrontier,
    byte[] registryRoot,
    byte[] claimFrontier,
    List<byte[]> claimRoots,
    byte[] stateRoot) {}
