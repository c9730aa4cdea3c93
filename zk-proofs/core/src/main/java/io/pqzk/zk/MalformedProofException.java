package io.pqzk.zk;

/** Bytes that are not a well-formed proof (truncated, oversized, non-canonical, wrong parameters). */
public class MalformedProofException extends ProofException {
  private static final long serialVersionUID = 1L;

  public MalformedProofException(String message) {
    super(message);
  }

  public MalformedProofException(String message, Throwable cause) {
    super(message, cause);
  }
}
