package io.pqzk.zk;

/**
 * A parameter set a proof system cannot be configured with: unknown, malformed, below the
 * system's security floor, or not fitting its statements (a genesis pinning such a set is
 * refused). The message names the set and why.
 */
public final class UnsupportedParametersException extends ProofException {
  private static final long serialVersionUID = 1L;

  public UnsupportedParametersException(String message, Throwable cause) {
    super(message, cause);
  }
}
