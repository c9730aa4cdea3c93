package io.pqzk.sig;

/** A key of one parameter set used where another was asked for. */
public final class KeyAlgorithmMismatchException extends PqSignatureException {
  private static final long serialVersionUID = 1L;
  private final SignatureAlgorithm keyAlgorithm;
  private final SignatureAlgorithm requested;

  public KeyAlgorithmMismatchException(SignatureAlgorithm keyAlgorithm, SignatureAlgorithm requested) {
    super("key is " + keyAlgorithm.displayName() + " but " + requested.displayName() + " was requested");
    this.keyAlgorithm = keyAlgorithm;
    this.requested = requested;
  }

  public SignatureAlgorithm keyAlgorithm() {
    return keyAlgorithm;
  }

  public SignatureAlgorithm requested() {
    return requested;
  }
}
