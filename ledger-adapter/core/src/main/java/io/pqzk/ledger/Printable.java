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
    StringBuilder b = new StringBuilder(Math.min(s.length(), MAX) + 8);
    for (int i = 0; i < s.length() && b.length() < MAX; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '\\') {
        b.append(c);
      } else if (c == '\\') {
        b.append("\\\\");
      } else {
        b.append(String.format("\\u%04x", (int) c));
      }
    }
    if (b.length() >= MAX) {
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
