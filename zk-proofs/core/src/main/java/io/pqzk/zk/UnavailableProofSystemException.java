package io.pqzk.zk;

/** A proof system id that is unknown, or known but not available in this build. */
public class UnavailableProofSystemException extends ProofException {
  private static final long serialVersionUID = 1L;

  public UnavailableProofSystemException(String message) {
    super(message);
  }

  public UnavailableProofSystemException(String message, Throwable cause) {
    super(message, cause);
  }
}
