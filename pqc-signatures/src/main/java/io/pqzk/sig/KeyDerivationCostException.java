package io.pqzk.sig;

/**
 * An encrypted private key whose key-derivation parameters ask for more work or memory than this
 * module spends on a passphrase (PBKDF2 iterations, scrypt N, r, p): refused before any of it is
 * done, so that a crafted key file cannot make the reader compute for minutes or allocate
 * gigabytes. Carries the parameter, its value and the limit.
 */
public final class KeyDerivationCostException extends PqSignatureException {
  private static final long serialVersionUID = 1L;
  private final String parameter;
  private final long value;
  private final long limit;

  public KeyDerivationCostException(String parameter, long value, long limit) {
    super("encrypted private key asks for " + parameter + " = " + value + ", above the limit "
        + limit);
    this.parameter = parameter;
    this.value = value;
    this.limit = limit;
  }

  /** Which parameter, e.g. "PBKDF2 iteration count" or "scrypt memory 128 r N (bytes)". */
  public String parameter() {
    return parameter;
  }

  public long value() {
    return value;
  }

  public long limit() {
    return limit;
  }
}
