package io.pqzk.vectors;

import java.io.IOException;

/**
 * A vector file that cannot be read as any supported format: not JSON or {@code .rsp} text, a
 * required field missing, a hex string that is not hex, or an ACVP prompt whose answers do not
 * join. The message names the file (when known) and the problem.
 */
public class VectorFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public VectorFormatException(String message) {
    super(message);
  }

  public VectorFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
