package io.pqzk.zk;

/** A well-formed proof that does not verify. */
public class ProofRejectedException extends ProofException {
  private static final long serialVersionUID = 1L;

  public ProofRejectedException(String message) {
    super(message);
  }

  public ProofRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
