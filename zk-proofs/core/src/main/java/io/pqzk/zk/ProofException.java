package io.pqzk.zk;

/** Root of the zero-knowledge module's checked exceptions. */
public class ProofException extends Exception {
  private static final long serialVersionUID = 1L;

  public ProofException(String message) {
    super(message);
  }

  public ProofException(String message, Throwable cause) {
    super(message, cause);
  }
}
