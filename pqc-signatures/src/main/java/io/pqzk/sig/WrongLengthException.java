package io.pqzk.sig;

/**
 * A byte string (key, seed, signature, randomness, mu) whose length is not the one the parameter
 * set requires. Carries what it was, the length seen and the length expected.
 */
public final class WrongLengthException extends PqSignatureException {
  private static final long serialVersionUID = 1L;
  private final String what;
  private final int actual;
  private final int expected;

  public WrongLengthException(String what, int actual, int expected) {
    super(what + " has " + actual + " bytes, expected " + expected);
    this.what = what;
    this.actual = actual;
    this.expected = expected;
  }

  /** What had the wrong length, e.g. "ML-DSA-65 public key". */
  public String what() {
    return what;
  }

  public int actual() {
    return actual;
  }

  public int expected() {
    return expected;
  }
}
