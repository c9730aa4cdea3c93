/**
 * A transparent, hash-based, zero-knowledge STARK over Goldilocks with its cubic extension, and
 * the claim statement of the record registry expressed as an AIR.
 *
 * <ul>
 *   <li>{@link io.pqzk.zk.stark.claim.StarkProofSystem}: the {@code stark} {@link io.pqzk.zk.ProofSystem};
 *   <li>{@link io.pqzk.zk.stark.claim.StarkRegistryHash}: RPO leaves and nodes of the registry;
 *   <li>{@link io.pqzk.zk.stark.Air}, {@link io.pqzk.zk.stark.StarkProver},
 *       {@link io.pqzk.zk.stark.StarkVerifier}, {@link io.pqzk.zk.stark.StarkOptions},
 *       {@link io.pqzk.zk.stark.StarkSecurity}: the generic engine (ethSTARK, ePrint 2021/582;
 *       zero-knowledge per ePrint 2024/1037);
 *   <li>{@link io.pqzk.zk.stark.StarkAcceptance}: the exact option sets and the floor a verifier
 *       accepts; {@link io.pqzk.zk.stark.CommitmentHash}: the hash of commitments and transcript;
 *   <li>{@code field}, {@code hash}, {@code internal}: arithmetic, Rescue-Prime Optimized,
 *       transcript, Merkle trees, FRI folding, encoding.
 * </ul>
 * Design, zero-knowledge measures and figures: {@code zk-proofs/stark/README.md}.
 */
package io.pqzk.zk.stark;
