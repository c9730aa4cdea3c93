/**
 * Proof-system suites: every system through the {@link io.pqzk.zk.ProofSystem} interface on the
 * same depth-20 claim, and the pure-Java Groth16 verifier beside zokrates-js on the same proofs.
 * Without Node and zokrates-js the Groth16 trials fail at set-up, say why, and the rest runs.
 */
package io.pqzk.bench.zk;
