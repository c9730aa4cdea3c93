package io.pqzk.sig;

/** A context string longer than the 255 bytes FIPS 204 and FIPS 205 allow. */
public final class ContextTooLongException extends PqSignatureException {
  private static final long serialVersionUID = 1L;
  private final int length;

  public ContextTooLongException(int length) {
    super("context string has " + length + " bytes, at most 255 are allowed (FIPS 204 Alg. 2)");
    this.length = length;
  }

  public int length() {
    return length;
  }
}
