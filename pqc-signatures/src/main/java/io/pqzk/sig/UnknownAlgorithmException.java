package io.pqzk.sig;

/** An algorithm or pre-hash name that this library does not know. */
public final class UnknownAlgorithmException extends PqSignatureException {
  private static final long serialVersionUID = 1L;
  private final String name;

  public UnknownAlgorithmException(String kind, String name) {
    super("unknown " + kind + " name '" + name + "'");
    this.name = name;
  }

  /** The name that was not recognised. */
  public String name() {
    return name;
  }
}
