/**
 * The proof-system SPI: {@link io.pqzk.zk.ProofSystem} (bytes in, bytes out), registered by each
 * system's module as a {@link io.pqzk.zk.ProofSystemProvider} and found with
 * {@link java.util.ServiceLoader} by {@link io.pqzk.zk.ProofSystems}; a system whose module is not
 * on the class path is simply absent.
 *
 * <p>Verification returns what it established or throws: {@link io.pqzk.zk.MalformedProofException}
 * for bytes that are not a proof of the system, {@link io.pqzk.zk.ProofRejectedException} for a
 * well-formed proof that does not verify; never a boolean. Whether a system is post-quantum, has a
 * trusted setup, and which {@link io.pqzk.zk.RegistryHash} it uses are stated by the system itself,
 * never decided by a caller comparing ids.
 */
package io.pqzk.zk;
