package io.pqzk.zk.groth16;

import io.pqzk.zk.MalformedProofException;

/**
 * A document longer than its cap ({@link Groth16Proof#MAX_JSON_BYTES}, {@link
 * Groth16VerifyingKey#MAX_JSON_BYTES}), refused before any parsing so an oversized input costs no
 * more than its length check. Carries what was refused, its size and the cap.
 */
public final class InputTooLargeException extends MalformedProofException {
  private static final long serialVersionUID = 1L;
  private final String what;
  private final long size;
  private final int limit;

  /**
   * @param what the document, as messages name it ("proof", "verification key")
   * @param size its length in bytes
   * @param limit the cap it exceeds
   */
  public InputTooLargeException(String what, long size, int limit) {
    super(what + " is " + size + " bytes, over the " + limit
        + "-byte cap (refused before parsing)");
    this.what = what;
    this.size = size;
    this.limit = limit;
  }

  public String what() {
    return what;
  }

  /** The refused document's length in bytes. */
  public long size() {
    return size;
  }

  /** The cap, in bytes. */
  public int limit() {
    return limit;
  }
}
