package io.pqzk.zk;

import io.pqzk.zk.groth16claims.PoseidonRegistryHash;
import io.pqzk.zk.groth16claims.ZokratesGroth16ProofSystem;
import io.pqzk.zk.stark.StarkProofSystem;
import io.pqzk.zk.stark.StarkRegistryHash;
import java.util.List;

/**
 * Maps the proof-system ids of the command line and of ledger attachments to implementations.
 *
 * <ul>
 *   <li>{@value #STARK} (the default): transparent, hash-based, post-quantum sound;
 *   <li>{@value #ZOKRATES_GROTH16}: pairing-based Groth16 via ZoKrates, not post-quantum sound,
 *       needs a trusted setup; proving needs Node and zokrates-js, verifying is pure Java.
 * </ul>
 */
public final class ProofSystems {
  public static final String STARK = "stark";
  public static final String ZOKRATES_GROTH16 = "zokrates-groth16";
  /** The default system. */
  public static final String DEFAULT = STARK;

  private ProofSystems() {}

  /** Every id this build knows, available or not. */
  public static List<String> ids() {
    return List.of(STARK, ZOKRATES_GROTH16);
  }

  /** Whether a system's soundness holds against quantum adversaries (false if unknown). */
  public static boolean postQuantum(String id) {
    return STARK.equals(id);
  }

  /**
   * The hash of a system's registry (commitments and tree).
   *
   * @throws UnavailableProofSystemException for an unknown or unavailable id
   */
  public static RegistryHash registryHash(String id) throws UnavailableProofSystemException {
    return switch (check(id)) {
      case STARK -> new StarkRegistryHash();
      case ZOKRATES_GROTH16 -> new PoseidonRegistryHash();
      default -> throw notYet(id);
    };
  }

  /**
   * The proof system with the given id.
   *
   * @throws UnavailableProofSystemException for an unknown id or one not in this build
   */
  public static ProofSystem get(String id) throws UnavailableProofSystemException {
    if (STARK.equals(check(id))) {
      return new StarkProofSystem();
    }
    if (ZOKRATES_GROTH16.equals(id)) {
      return new ZokratesGroth16ProofSystem();
    }
    throw notYet(id);
  }

  /**
   * Whether the system's verifier needs the verification key of a trusted setup, which whoever
   * relies on its proofs must pin (a ledger: in its genesis).
   */
  public static boolean hasTrustedSetup(String id) {
    return ZOKRATES_GROTH16.equals(id);
  }

  /**
   * The system, verifying against {@code verificationKey} only (systems with a trusted setup; see
   * {@link #hasTrustedSetup}).
   *
   * @throws UnavailableProofSystemException for an unknown id or one without a trusted setup
   * @throws ProofException when the key is malformed or not the claim circuit's
   */
  public static ProofSystem withVerificationKey(String id, String verificationKey)
      throws ProofException {
    if (ZOKRATES_GROTH16.equals(check(id))) {
      return ZokratesGroth16ProofSystem.withVerificationKey(
          io.pqzk.zk.groth16claims.ClaimCircuit.load(), verificationKey);
    }
    throw new UnavailableProofSystemException(id + " has no trusted setup and takes no verification key");
  }

  private static String check(String id) throws UnavailableProofSystemException {
    if (!ids().contains(id)) {
      throw new UnavailableProofSystemException(
          "unknown proof system '" + id + "' (expected one of " + ids() + ")");
    }
    return id;
  }

  private static UnavailableProofSystemException notYet(String id) {
    return new UnavailableProofSystemException(
        "proof system '" + id + "' is not available in this build yet; use --system " + STARK);
  }
}
