package io.pqzk.zk;

import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;

/**
 * A zero-knowledge proof system for claims about committed records: bytes in, bytes out.
 *
 * <p>Implementations: {@code stark} (transparent, hash-based, post-quantum sound; the default)
 * and {@code zokrates-groth16} (pairing-based, needs a trusted setup, not post-quantum sound).
 * Each system has its own hash for record commitments and the registry tree, exposed by
 * {@link #registryHash()}, so a registry is built per system.
 *
 * <p>Thread-safety: implementations are immutable after construction and safe to share.
 */
public interface ProofSystem {

  /** Stable identifier used on the command line and in ledger attachments. */
  String id();

  /** Whether soundness holds against a quantum adversary. */
  boolean postQuantum();

  /** The hash this system uses for record commitments and registry nodes. */
  RegistryHash registryHash();

  /**
   * Proves the statement from the witness.
   *
   * @throws io.pqzk.zk.ClaimNotSatisfiedException when the witness does not satisfy the
   *     statement (predicate false, record not under the root): no proof is produced
   * @throws ProofException for any other failure
   */
  byte[] prove(ClaimStatement statement, ClaimWitness witness) throws ProofException;

  /**
   * Verifies a proof; returns what was checked, throws when it does not verify.
   *
   * @throws ProofRejectedException when the proof is well-formed but does not verify
   * @throws MalformedProofException when the bytes are not a proof of this system
   */
  Verification verify(ClaimStatement statement, byte[] proof) throws ProofException;

  /**
   * What a successful verification established. {@code conjecturedBits} and {@code provenBits}
   * are classical figures (random-oracle model for the STARK, generic-group for Groth16); they do
   * not hold against a quantum adversary. {@code postQuantumConjecturedBits} and
   * {@code postQuantumProvenBits} are the system's estimate against one (0 for a system that a
   * quantum computer breaks); the system's documentation states the basis.
   */
  record Verification(String system, double conjecturedBits, double provenBits,
      double postQuantumConjecturedBits, double postQuantumProvenBits, String detail) {
    /** A verification with no post-quantum security claimed (both post-quantum figures 0). */
    public Verification(String system, double conjecturedBits, double provenBits, String detail) {
      this(system, conjecturedBits, provenBits, 0, 0, detail);
    }
  }
}
