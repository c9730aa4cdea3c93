package io.pqzk.sig;

/**
 * Options that make no sense together or for the algorithm: a context or pre-hash with the
 * internal interface or external mu, external mu for SLH-DSA, pre-hash for a composite.
 */
public final class IncompatibleOptionsException extends PqSignatureException {
  private static final long serialVersionUID = 1L;

  public IncompatibleOptionsException(String message) {
    super(message);
  }
}
