package io.pqzk.ledger;

import io.pqzk.ledger.proto.Claim;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.Policy;

/**
 * A {@link ProofVerifier} over one of the project's zero-knowledge proof systems: rebuilds the
 * statement from what the chain knows (the system's registry root at the claim's root height,
 * the policy and the context carried in the transaction) and verifies the proof bytes against
 * it. Nothing the prover sends is trusted beyond the proof itself: public inputs in the
 * attachment must be absent, as the statement is recomputed. Thread-safe.
 */
public final class ZkProofVerifier implements ProofVerifier {
  private final ProofSystem system;

  public ZkProofVerifier(ProofSystem system) {
    this.system = system;
  }

  @Override
  public String system() {
    return system.id();
  }

  @Override
  public void verify(Claim claim, byte[] registryRoot, String chainId) throws LedgerException {
    if (claim.getProof().getPublicInputsCount() != 0) {
      throw new LedgerException("the attachment carries public inputs; the ledger recomputes the"
          + " statement from the chain and takes none from the prover");
    }
    Policy policy;
    ClaimContext context;
    try {
      policy = Policy.parse(claim.getPolicy());
      context = ClaimContext.of(claim.getContext().toByteArray());
    } catch (IllegalArgumentException e) {
      throw new LedgerException("claim statement is malformed: " + e.getMessage());
    }
    try {
      system.verify(new ClaimStatement(registryRoot, policy, context),
          claim.getProof().getProof().toByteArray());
    } catch (ProofException e) {
      throw new LedgerException(system.id() + " proof does not verify: " + e.getMessage());
    }
  }
}
