package io.pqzk.ledger;

import io.pqzk.ledger.proto.TransactionBody;

/**
 * The rule of one transaction kind: what its payload must satisfy against the chain state, and
 * what it writes. A new kind of transaction is one protobuf message in the {@code payload} oneof
 * and one class implementing this interface (listed in {@link TransactionRules}); the chain state,
 * the draft, the engine and the validators do not change.
 *
 * <p>A rule reads through {@link BlockDraft#get} and writes through {@link BlockDraft#put}, only
 * under keys that start with its own {@link #statePrefix()}; it must not write before every check
 * has passed (a rejected transaction's writes are discarded anyway). Rules are stateless and
 * deterministic: the same state and bytes give the same outcome on every node.
 */
interface TransactionRule {
  /** The payload kind this rule decides. */
  TransactionBody.PayloadCase kind();

  /** The role the author must hold, or null when the rule checks the author itself. */
  Genesis.Role authorRole();

  /** The prefix byte of the state keys this rule writes (see {@link StateKeys}), or 0. */
  byte statePrefix();

  /** Checks {@code tx} and stages its writes; throws naming the first rule it breaks. */
  void apply(ParsedTransaction tx, BlockDraft draft) throws TransactionRejectedException;
}
