/**
 * Append-only Merkle trees that keep only their frontier, so an append and a root cost
 * O(depth) hashes. {@link io.pqzk.ledger.merkle.MerkleAccumulator}: the RFC 6962 shape with
 * domain-separated leaves and nodes (transactions root, the ledger's registry).
 * {@link io.pqzk.ledger.merkle.FixedDepthTree}: depth 20 over a proof system's own hash, with the
 * same root as {@code pqzk registry build} computes over the same leaves.
 */
package io.pqzk.ledger.merkle;
