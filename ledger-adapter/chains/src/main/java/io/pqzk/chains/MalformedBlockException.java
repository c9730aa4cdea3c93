package io.pqzk.chains;

/**
 * Input that is not a block or header in the format the adapter reads: bad encoding, a missing
 * or extra field, a field of the wrong size, a non-canonical encoding. Nothing was checked, so
 * nothing was rejected: the input could not be read.
 */
public final class MalformedBlockException extends ChainException {
  private static final long serialVersionUID = 1L;
  private final String chain;

  public MalformedBlockException(String chain, String message) {
    super(chain + " block: " + message);
    this.chain = chain;
  }

  public MalformedBlockException(String chain, String message, Throwable cause) {
    super(chain + " block: " + message, cause);
    this.chain = chain;
  }

  /** The adapter that could not read the input ("fabric", "ethereum"). */
  public String chain() {
    return chain;
  }
}
