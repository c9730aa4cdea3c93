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
      int hi = Character.digit(s.charAt(2 * i), 16);
      int lo = Character.digit(s.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        int bad = hi < 0 ? 2 * i : 2 * i + 1;
        throw CliException.badInput(
            option + " is not hex: '" + s.charAt(bad) + "' at position " + (bad + 1));
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
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
