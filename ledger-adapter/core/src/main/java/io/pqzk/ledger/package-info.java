/**
 * The ledger's consensus rules and its one chain-state logic. {@link io.pqzk.ledger.BlockRules}
 * decides whether a block is valid; {@link io.pqzk.ledger.ChainState}, over a
 * {@link io.pqzk.ledger.StateStore}, records what it changes in one atomic write; each
 * transaction kind has one rule class ({@link io.pqzk.ledger.RecordRegistrationRule},
 * {@link io.pqzk.ledger.AccessPolicyRule}, {@link io.pqzk.ledger.AccessEventRule},
 * {@link io.pqzk.ledger.AccessDelegationRule}, {@link io.pqzk.ledger.ClaimRule}).
 *
 * <p>Deterministic: the same genesis, state and block bytes give the same verdict and the same
 * state root on every node, whichever store is used. A block is accepted whole or rejected with a
 * {@link io.pqzk.ledger.BlockRejectedException} naming its height; a rejected block changes
 * nothing.
 */
package io.pqzk.ledger;
