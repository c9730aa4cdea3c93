/**
 * Not API: the Fiat-Shamir transcript, Merkle commitments, FRI folding, proof encoding and the
 * prover's randomness behind {@link io.pqzk.zk.stark.StarkProver} and
 * {@link io.pqzk.zk.stark.StarkVerifier}. Nothing outside {@code zk-proofs/stark} may import this
 * package (checked by the architecture test).
 */
package io.pqzk.zk.stark.internal;
