package io.pqzk.zk;

/**
 * The service a proof-system module registers (in {@code META-INF/services}) so that
 * {@link ProofSystems} finds it with {@link java.util.ServiceLoader}: a system is on the class
 * path or it is not, and nothing in this module names an implementation.
 *
 * <p>What a system is (post-quantum or not, with or without a trusted setup, which registry hash)
 * is stated here, by the system itself, and read by every caller from here: no caller decides it
 * by comparing ids.
 */
public interface ProofSystemProvider {

  /** The id under which the system is found: on the command line, in genesis files, in claims. */
  ProofSystemId id();

  /** Whether soundness holds against a quantum adversary. */
  boolean postQuantum();

  /**
   * Whether the verifier needs the verification key of a trusted setup, which whoever relies on
   * the proofs must pin (a ledger: in its genesis).
   */
  boolean hasTrustedSetup();

  /** The hash of this system's record commitments and registry tree. */
  RegistryHash registryHash();

  /**
   * The system with its default parameters; for a system with a trusted setup, with the setup
   * found on this machine when it is first needed (fine for proving and for local checks, never
   * for a ledger's rules).
   */
  ProofSystem create();

  /**
   * The system, verifying against {@code verificationKey} only (systems with a trusted setup).
   *
   * @throws UnavailableProofSystemException when the system has no trusted setup
   * @throws ProofException when the key is malformed or not of the claim circuit's shape
   */
  default ProofSystem withVerificationKey(String verificationKey) throws ProofException {
    throw new UnavailableProofSystemException(
        id() + " has no trusted setup and takes no verification key");
  }

  /**
   * The names of the parameter sets {@link #create()}'s verifier accepts, the one it proves with
   * first: what a genesis pins for this system (empty for a system without parameter sets).
   */
  default java.util.List<String> defaultParameterSets() {
    return java.util.List.of();
  }

  /**
   * The system whose verifier accepts exactly the named parameter sets and refuses a proof made
   * with any other (a ledger: the sets its genesis pins); it proves with the first. The names are
   * those of {@link #defaultParameterSets()} or any other set the system can verify at its
   * security floor.
   *
   * @throws UnavailableProofSystemException when the system has no parameter sets
   * @throws ProofException naming a set that is unknown, malformed or below the floor
   */
  default ProofSystem withParameterSets(java.util.List<String> names) throws ProofException {
    throw new UnavailableProofSystemException(id() + " has no parameter sets");
  }
}
