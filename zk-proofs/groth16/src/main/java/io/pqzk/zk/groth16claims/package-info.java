/**
 * Claims proven with Groth16 through ZoKrates ({@code zokrates-groth16}): NOT post-quantum sound,
 * needs a trusted setup; proving needs Node and zokrates-js, verifying is pure Java.
 *
 * <ul>
 *   <li>{@link io.pqzk.zk.groth16claims.Poseidon}: ZoKrates' standard-library Poseidon over BN254,
 *       checked against zokrates-js for 1 to 6 inputs ({@code zk-proofs/groth16/node/poseidon-vectors.mjs});
 *   <li>{@link io.pqzk.zk.groth16claims.PoseidonRegistryHash}: record commitments and registry
 *       nodes, the layout the circuit recomputes;
 *   <li>{@code circuits/claim.zok}: one circuit for every policy of up to 8 predicates ({@code >=},
 *       {@code <=}, {@code ==} on any attribute, chosen by public inputs), depth-20 membership,
 *       bound to a public context; {@link io.pqzk.zk.groth16claims.ClaimInputs} derives its inputs;
 *   <li>{@link io.pqzk.zk.groth16claims.ClaimCircuit}: compiled program and keys on disk, ZoKrates'
 *       formats, shared between prover and verifiers;
 *   <li>{@link io.pqzk.zk.groth16claims.ZokratesGroth16ProofSystem}: the {@code ProofSystem}.
 * </ul>
 *
 * <p>Figures (one run of {@code ClaimFigures} in the test sources, JDK 25, 2 cores shared with
 * other builds, load average 4 to 10, so noisy): 7,998 constraints; compile 5.6 s; setup 2.6 s
 * (proving key 3.1 MB, program 8.4 MB); witness 0.17 to 0.32 s; prove 2.0 to 3.2 s through the
 * worker; proof.json 2,421 bytes; Java verify 5.8 ms with parsed key and proof (11.1 ms when the
 * verification key JSON is parsed each time, which this system avoids by caching it); zokrates-js
 * verify through the worker 10.2 ms.
 */
package io.pqzk.zk.groth16claims;
