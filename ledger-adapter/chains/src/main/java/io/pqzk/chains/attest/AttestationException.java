package io.pqzk.chains.attest;

import io.pqzk.chains.ChainException;

/**
 * An attestation, attestation file or attesters file that cannot be used: malformed, not in its
 * canonical encoding, or inconsistent (a key whose id does not match, a quorum beyond the
 * members). A well-formed attestation that does not count is not an exception: {@link Decision}
 * says why it was left out.
 */
public final class AttestationException extends ChainException {
  private static final long serialVersionUID = 1L;

  public AttestationException(String message) {
    super(message);
  }

  public AttestationException(String message, Throwable cause) {
    super(message, cause);
  }
}
