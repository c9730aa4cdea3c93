package io.pqzk.ledger;

/**
 * Strings from blocks and transactions (written by strangers) made safe to print: anything but
 * printable ASCII is shown as {@code \\uXXXX}, so an injected terminal escape or a forged line
 * break can never reach a user's terminal or a log as itself. Long strings are cut.
 */
public final class Printable {
  private static final int MAX = 200;

  private Printable() {}

  public static String escape(String s) {
    return escape(s, MAX, true);
  }

  /**
   * A whole message that quotes strangers' strings, made one printable line: as {@link
   * #escape} but cut at {@code max} characters, and with backslashes kept as they are (so the
   * parts a message site already escaped are not escaped twice); {@code null} stays {@code
   * null}.
   */
  public static String line(String message, int max) {
    return message == null ? null : escape(message, max, false);
  }

  private static String escape(String s, int max, boolean backslash) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 8);
    for (int i = 0; i < s.length() && b.length() < max; i++) {
      char c = s.charAt(i);
      if (c == '\\' && backslash) {
        b.append("\\\\");
      } else if (c >= 0x20 && c < 0x7f) {
        b.append(c);
      } else {
        b.append(String.format("\\u%04x", (int) c));
      }
    }
    if (b.length() >= max) {
      b.append("...");
    }
    return b.toString();
  }

  /** Whether {@code s} is non-empty printable ASCII of at most {@code max} characters. */
  public static boolean isPrintable(String s, int max) {
    if (s.isEmpty() || s.length() > max) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }
}
