package io.pqzk.sig;

import java.util.HexFormat;

/** Hex helpers for tests. */
final class Hex {
  private Hex() {}

  static byte[] decode(String s) {
    return HexFormat.of().parseHex(s.trim());
  }

  static String encode(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
