package io.pqzk.ledger;

/**
 * Where a rule's lookup reads from: a block draft (what the block being built has so far) or the
 * chain state (what the last block left), so one lookup serves the rule and its public callers.
 */
@FunctionalInterface
interface StateView {
  byte[] get(byte[] key);
}
