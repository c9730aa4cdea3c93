package io.pqzk.ledger;

import io.pqzk.ledger.proto.Claim;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofSystem;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.DocumentDigest;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.RecordSchema;

/**
 * A {@link ProofVerifier} over one of the project's zero-knowledge proof systems: rebuilds the
 * statement from what the chain knows (the system's registry root at the claim's root height,
 * the chain's record schema, the policy, the context and, in an integrity claim, the document
 * digest carried in the transaction) and verifies the proof bytes against it. Nothing the
 * prover sends is trusted beyond the proof itself: public inputs in the attachment must be
 * absent, as the statement is recomputed. Thread-safe.
 */
public final class ZkProofVerifier implements ProofVerifier {
  private final ProofSystem system;
  private final RecordSchema schema;

  /** Claims about registries of schema {@code pqzk-record/1}. */
  public ZkProofVerifier(ProofSystem system) {
    this(system, RecordSchema.V1);
  }

  /** Claims about registries of {@code schema} (the chain's genesis names it). */
  public ZkProofVerifier(ProofSystem system, RecordSchema schema) {
    this.system = system;
    this.schema = schema;
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
    ClaimStatement statement;
    try {
      ClaimContext context = ClaimContext.of(claim.getContext().toByteArray());
      if (claim.getDocumentSha256().isEmpty()) {
        statement = new ClaimStatement(registryRoot, Policy.parse(claim.getPolicy()), context,
            schema);
      } else {
        if (!schema.hasDocument()) {
          throw new LedgerException("an integrity claim (document_sha256) needs a chain of"
              + " record schema " + RecordSchema.V2 + "; this chain's registries are " + schema
              + " and commit no document digest");
        }
        Policy policy = claim.getPolicy().isEmpty() ? Policy.none()
            : Policy.parse(claim.getPolicy());
        statement = ClaimStatement.integrity(registryRoot, policy, context,
            DocumentDigest.of(claim.getDocumentSha256().toByteArray()));
      }
    } catch (IllegalArgumentException e) {
      throw new LedgerException("claim statement is malformed: " + e.getMessage());
    }
    try {
      system.verify(statement, claim.getProof().getProof().toByteArray());
    } catch (ProofException e) {
      throw new LedgerException(system.id() + " proof does not verify: " + e.getMessage());
    }
  }
}
