package io.pqzk.vectors;

/** Hex decoding for vector files (ACVP is upper case, Wycheproof and KAT lower case). */
public final class Hex {
  private Hex() {}

  /**
   * Decodes {@code hex} (either case, even length, no prefix).
   *
   * @throws VectorFormatException if the text is not hex
   */
  public static byte[] decode(String hex) throws VectorFormatException {
    int n = hex.length();
    if ((n & 1) != 0) {
      throw new VectorFormatException("odd-length hex string (" + n + " digits)");
    }
    byte[] out = new byte[n / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(hex.charAt(2 * i), 16);
      int lo = Character.digit(hex.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new VectorFormatException("not a hex digit at position " + (hi < 0 ? 2 * i : 2 * i + 1));
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /** Lower-case hex of {@code bytes}. */
  public static String encode(byte[] bytes) {
    StringBuilder sb = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }
}
