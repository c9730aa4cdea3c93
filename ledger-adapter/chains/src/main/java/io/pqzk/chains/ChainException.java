package io.pqzk.chains;

/**
 * The root of every failure this module reports about foreign data: a block, header or
 * attestation that is malformed ({@link MalformedBlockException}), whose own commitments do not
 * hold ({@link CommitmentMismatchException}), or an attestation or attesters file that is not
 * what it must be ({@code io.pqzk.chains.attest.AttestationException}). Programmer errors stay
 * {@link IllegalArgumentException}.
 */
public abstract class ChainException extends Exception {
  private static final long serialVersionUID = 1L;

  protected ChainException(String message) {
    super(message);
  }

  protected ChainException(String message, Throwable cause) {
    super(message, cause);
  }
}
