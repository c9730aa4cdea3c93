package io.pqzk.ledger;

import io.pqzk.ledger.proto.Claim;

/**
 * The seam through which the validator checks a claim transaction's zero-knowledge proof
 * ({@link ZkProofVerifier} adapts any {@code io.pqzk.zk.ProofSystem}). A claim whose
 * proof system has no verifier registered is REJECTED, never accepted unchecked.
 */
public interface ProofVerifier {
  /** The proof system id this verifier handles, e.g. {@code stark}. */
  String system();

  /**
   * Verifies {@code claim}'s proof against {@code registryRoot}, the registry root in the header
   * of block {@code claim.getRootHeight()}; returns normally or throws saying why not.
   */
  void verify(Claim claim, byte[] registryRoot, String chainId) throws LedgerException;
}
