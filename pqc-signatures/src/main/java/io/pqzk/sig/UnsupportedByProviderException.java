package io.pqzk.sig;

/**
 * A request the chosen provider cannot serve (an algorithm, a mode such as deterministic signing
 * or a context string, or a provider that is absent from this JVM).
 */
public final class UnsupportedByProviderException extends PqSignatureException {
  private static final long serialVersionUID = 1L;
  private final String provider;

  public UnsupportedByProviderException(String provider, String what) {
    super("provider '" + provider + "' does not support " + what);
    this.provider = provider;
  }

  /** The provider name, e.g. "jdk". */
  public String provider() {
    return provider;
  }
}
