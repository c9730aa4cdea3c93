package io.pqzk.vectors;

import java.io.IOException;

/**
 * A vector file that cannot be read as any supported format: not JSON or {@code .rsp} text, a
 * required field missing, a hex string that is not hex, or an ACVP prompt whose answers do not
 * join. The message names the file (when known) and the problem.
 */
public class VectorFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private static final int MAX = 1000;

  public VectorFormatException(String message) {
    super(oneLine(message));
  }

  public VectorFormatException(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  /**
   * Messages quote the file's own strings (an algorithm name, a field), and {@code pqzk vectors}
   * prints them: control characters are shown as {@code \\uXXXX}, so a file cannot forge lines
   * or send terminal escapes, and a message is cut at {@value #MAX} characters (the fuzzer made
   * an algorithm name of several kilobytes with a line break in it).
   */
  static String oneLine(String m) {
    if (m == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(Math.min(m.length(), MAX) + 8);
    for (int i = 0; i < m.length() && b.length() < MAX; i++) {
      char c = m.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    if (b.length() >= MAX) {
      b.append("...");
    }
    return b.toString();
  }
}
