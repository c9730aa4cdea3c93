package io.pqzk.cli;

/** Hex arguments of the command line (contexts and the like), with errors that name the option. */
final class HexArg {
  /** FIPS 204 section 5.2 and FIPS 205 section 10.2: the context string is at most 255 bytes. */
  static final int MAX_CONTEXT_BYTES = 255;

  private HexArg() {}

  /**
   * Parses {@code text} as hex (upper or lower case, even length, an optional {@code 0x} prefix).
   *
   * @throws CliException (exit 2) naming {@code option} when the text is not hex
   */
  static byte[] parse(String option, String text) {
    String s = text.strip();
    if (s.startsWith("0x") || s.startsWith("0X")) {
      s = s.substring(2);
    }
    if (s.length() % 2 != 0) {
      throw CliException.badInput(
          option + " is not hex: odd number of digits (" + s.length() + ")");
    }
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = digit(s.charAt(2 * i));
      int lo = digit(s.charAt(2 * i + 1));
      if (hi < 0 || lo < 0) {
        int bad = hi < 0 ? 2 * i : 2 * i + 1;
        throw CliException.badInput(
            option + " is not hex: '" + s.charAt(bad) + "' at position " + (bad + 1));
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /** ASCII hex digits only: Character.digit would also take other scripts' digits. */
  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** Parses a 32-byte hash given as 64 hex digits. */
  static byte[] hash(String option, String text) {
    byte[] h = parse(option, text);
    if (h.length != 32) {
      throw CliException.badInput(option + " must be 64 hex digits (a 32-byte hash), got "
          + h.length + " bytes");
    }
    return h;
  }

  /** Parses a {@code --context} value: hex, at most 255 bytes; null or absent means empty. */
  static byte[] context(String text) {
    if (text == null) {
      return new byte[0];
    }
    byte[] ctx = parse("--context", text);
    if (ctx.length > MAX_CONTEXT_BYTES) {
      throw CliException.badInput(
          "--context is " + ctx.length + " bytes; FIPS 204/205 allow at most "
              + MAX_CONTEXT_BYTES);
    }
    return ctx;
  }
}
