package io.pqzk.zk.claims;

import java.util.HexFormat;

/**
 * The public context a proof is bound to (chain id, block height, nonce or nullifier, encoded by
 * the caller), so that it cannot be replayed elsewhere. Opaque bytes, 1 to 256 of them.
 */
public final class ClaimContext {
  public static final int MAX_LENGTH = 256;
  private final byte[] bytes;

  private ClaimContext(byte[] bytes) {
    this.bytes = bytes;
  }

  public static ClaimContext of(byte[] bytes) {
    if (bytes.length == 0 || bytes.length > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "claim context must be 1 to " + MAX_LENGTH + " bytes, got " + bytes.length);
    }
    return new ClaimContext(bytes.clone());
  }

  /** Parses hex (upper or lower case, an optional {@code 0x} prefix). */
  public static ClaimContext ofHex(String hex) {
    String h = hex.trim();
    if (h.startsWith("0x") || h.startsWith("0X")) {
      h = h.substring(2);
    }
    try {
      return of(HexFormat.of().parseHex(h));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("claim context is not valid hex: " + e.getMessage(), e);
    }
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClaimContext c && java.util.Arrays.equals(bytes, c.bytes);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
