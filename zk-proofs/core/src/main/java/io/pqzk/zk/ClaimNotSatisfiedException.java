package io.pqzk.zk;


/** The prover's witness does not satisfy the statement: no proof can honestly be made. */
public class ClaimNotSatisfiedException extends ProofException {
  private static final long serialVersionUID = 1L;

  public ClaimNotSatisfiedException(String message) {
    super(message);
  }
}
